package eu.vetnet.rooms.room;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.RoomIds;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/rooms}: create (facilitators and admins; the creator owns the room), list the rooms you may
 * enter, read one, replace its access list, add a document, archive.
 */
@RestController
@RequestMapping("/api/rooms")
public class RoomController {

    private static final Pattern DOCUMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** What POST /api/rooms takes. */
    public record CreateRoom(String title, RoomKind kind, AccessList access, List<String> documents, List<String> readOnlyDocuments,
            String template) {
    }


    /** What POST /api/rooms/{id}/documents takes. */
    public record AddDocument(String name) {
    }

    private final RoomStore store;
    private final RoomServer server;

    public RoomController(RoomStore store, RoomServer server) {
        this.store = store;
        this.server = server;
    }

    @PostMapping
    public Mono<ResponseEntity<RoomView>> create(@AuthenticationPrincipal Jwt jwt, @RequestBody CreateRoom body) {
        RoomUser user = users(jwt);
        if (body == null || body.title() == null || body.title().isBlank() || body.kind() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a room needs a title and a kind",
                    "send {\"title\": \"...\", \"kind\": \"WORKSHOP\" | \"COURSE_SESSION\" | \"DIALOGUE_SESSION\" | \"PEER_COUNSELLING\"}");
        }
        // A peer-counselling room is convened by the member who asks for counsel; every other kind by facilitators.
        boolean mayCreate = user.hasRole("facilitator") || user.hasRole("admin")
                || (body.kind().convenedByAnyMember() && user.roles().stream().anyMatch(r -> Role.fromClaimValue(r).isPresent()));
        if (!mayCreate) {
            throw new ApiException(HttpStatus.FORBIDDEN, body.kind().convenedByAnyMember()
                    ? "only members of the community convene peer counselling" : "only facilitators and admins create rooms",
                    "ask a facilitator to create the room and add you to its access list");
        }
        List<String> documents = new ArrayList<>(RoomRecord.DEFAULT_DOCUMENTS);
        if (body.documents() != null) {
            body.documents().forEach(d -> addDocument(documents, d));
        }
        AccessList given = body.access() == null ? new AccessList(null, null, null, null) : body.access();
        AccessList access = new AccessList(user.id(), given.facilitators(), given.participants(), given.observers());
        List<String> readOnly = body.readOnlyDocuments() == null ? List.of() : body.readOnlyDocuments();
        for (String d : readOnly) {
            if (!documents.contains(d)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "read-only document " + d + " is not one of the room's documents",
                        "list it in 'documents' too, or remove it from 'readOnlyDocuments'");
            }
        }
        if (body.template() != null) {
            // A template id is shown in lists, never interpreted here.
            RoomIds.requireTemplate("template", body.template());
        }
        RoomRecord room = new RoomRecord(UUID.randomUUID().toString(), body.title().strip(), body.kind(), access,
                documents, readOnly, false, Instant.now(), body.template(), user.name());
        return Mono.fromCompletionStage(store.save(room)).map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(RoomView.of(saved, user)));
    }

    @GetMapping
    public Mono<List<RoomView>> list(@AuthenticationPrincipal Jwt jwt) {
        RoomUser user = users(jwt);
        return Mono.fromCompletionStage(store.list())
                .map(rooms -> rooms.stream().map(r -> RoomView.of(r, user)).filter(v -> v.yourRole() != null).toList());
    }

    @GetMapping("/{id}")
    public Mono<RoomView> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = users(jwt);
        return RoomReads.onAccessList(store, id, user).map(room -> RoomView.of(room, user));
    }

    @PutMapping("/{id}/access")
    public Mono<RoomView> updateAccess(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody AccessList body) {
        RoomUser user = users(jwt);
        return find(id).flatMap(room -> {
            AccessChanges.requireFacilitatorChange(room, user, "its access list");
            String owner = body.owner() == null ? room.access().owner() : body.owner();
            if (!owner.equals(room.access().owner()) && !user.hasRole("admin")
                    && (room.access().owner() == null || !user.isNamedBy(room.access().owner()))) {
                throw new ApiException(HttpStatus.FORBIDDEN, "only the owner of room " + room.id() + " or an admin may hand it to someone else",
                        "ask the owner (" + room.access().owner() + ") or an admin; leave 'owner' out to keep it");
            }
            return AccessChanges.save(store, server, room.withAccess(
                    new AccessList(owner, body.facilitators(), body.participants(), body.observers())));
        }).map(saved -> RoomView.of(saved, user));
    }

    @PostMapping("/{id}/documents")
    public Mono<RoomView> addDocument(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody AddDocument body) {
        RoomUser user = users(jwt);
        return find(id).flatMap(room -> {
            RoomRole role = RoomAccessHook.roleOf(room, user);
            AccessChanges.requireNotArchived(room, "its documents");
            if (role == null || !role.writes()) {
                throw new ApiException(HttpStatus.FORBIDDEN, "observers and people not on the access list cannot add documents",
                        "ask a facilitator of the room");
            }
            List<String> documents = new ArrayList<>(room.documents());
            addDocument(documents, body == null ? null : body.name());
            return Mono.fromCompletionStage(store.save(room.withDocuments(documents)));
        }).map(saved -> RoomView.of(saved, user));
    }

    @PostMapping("/{id}/archive")
    public Mono<RoomView> archive(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = users(jwt);
        return find(id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return AccessChanges.save(store, server, room.archive());
        }).map(saved -> RoomView.of(saved, user));
    }

    private Mono<RoomRecord> find(String id) {
        return RoomReads.existing(store, id);
    }

    private static void addDocument(List<String> documents, String name) {
        if (name == null || !DOCUMENT.matcher(name).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid document name: " + name,
                    "use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (ReservedDocuments.isReserved(name)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "document names starting with " + ReservedDocuments.SERVER_PREFIX
                    + " or private- are the server's own", "choose another name");
        }
        if (!documents.contains(name)) {
            documents.add(name);
        }
    }

    private static RoomUser users(Jwt jwt) {
        return eu.vetnet.rooms.auth.JwtUsers.toUser(jwt);
    }
}
