package eu.vetnet.rooms.access;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.access.AccessRequests.Request;
import eu.vetnet.rooms.access.AccessRequests.Status;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.RoomAccessHook;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A room's front door for people not on its access list (docs/rooms.md, "Requests for access"): what the room is
 * and who runs it, a request to enter, and the facilitators' answer, which puts the person on the list.
 */
@RestController
@RequestMapping("/api/rooms/{id}")
public class AccessRequestController {

    /** What anyone signed in may know of a room they hold a link to; {@code yourRole} null: not on the list. */
    public record Summary(String id, String title, RoomKind kind, boolean archived, List<String> facilitators,
            String yourRole, String request) {
    }

    /** The facilitators' answer: {@code participant}, {@code observer} or {@code deny}. */
    public record Decision(String decision) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final AccessRequests requests;
    private final RoomPeople people;

    public AccessRequestController(RoomStore rooms, RoomServer server, AccessRequests requests, RoomPeople people) {
        this.rooms = rooms;
        this.server = server;
        this.requests = requests;
        this.people = people;
    }

    @GetMapping("/summary")
    public Mono<Summary> summary(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return find(id).flatMap(room -> {
            // Owner and facilitators, as the list names them (user ids or usernames): an id of someone who joined
            // shows as their name. Only these few are looked up: the page asks again every few seconds.
            Set<String> runners = new LinkedHashSet<>();
            if (room.access().owner() != null) {
                runners.add(room.access().owner());
            }
            runners.addAll(room.access().facilitators());
            return Mono.zip(Mono.fromCompletionStage(() -> people.names(room.id(), runners)),
                    Mono.fromCompletionStage(() -> requests.find(room.id(), user.id()))).map(t -> {
                        List<String> shown = runners.stream().map(entry -> t.getT1().getOrDefault(entry, entry)).toList();
                        RoomRole role = RoomAccessHook.roleOf(room, user);
                        return new Summary(room.id(), room.title(), room.kind(), room.archived(), shown,
                                role == null ? null : role.name().toLowerCase(),
                                t.getT2().map(r -> r.status().name().toLowerCase()).orElse(null));
                    });
        });
    }

    /** Anyone signed in and not on the list asks to enter; asking again while pending changes nothing. */
    @PostMapping("/access-requests")
    public Mono<ResponseEntity<Request>> request(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return find(id).flatMap(room -> {
            if (RoomAccessHook.roleOf(room, user) != null) {
                throw new ApiException(HttpStatus.CONFLICT, "you are already on the access list of room " + id, "open the room");
            }
            AccessChanges.requireNotArchived(room, "its access list");
            return Mono.fromCompletionStage(() -> requests.find(room.id(), user.id())).flatMap(existing -> {
                if (existing.isPresent() && existing.get().status() == Status.PENDING) {
                    return Mono.just(ResponseEntity.accepted().body(existing.get()));
                }
                Request r = new Request(room.id(), user.id(), user.username(), user.name(), Instant.now().truncatedTo(ChronoUnit.MILLIS), Status.PENDING);
                return Mono.fromCompletionStage(() -> requests.save(r)).thenReturn(ResponseEntity.accepted().body(r));
            });
        });
    }

    /** The room's pending requests, for its facilitators. */
    @GetMapping("/access-requests")
    public Mono<List<Request>> pending(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return find(id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return Mono.fromCompletionStage(() -> requests.list(room.id()))
                    .map(list -> list.stream().filter(r -> r.status() == Status.PENDING).toList());
        });
    }

    /** A facilitator lets the person in (as participant or observer) or declines. */
    @PostMapping("/access-requests/{userId}")
    public Mono<Request> decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String userId,
            @RequestBody Decision body) {
        RoomUser user = JwtUsers.toUser(jwt);
        String decision = body == null || body.decision() == null ? "" : body.decision();
        if (!Set.of("participant", "observer", "deny").contains(decision)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown decision: '" + decision + "'",
                    "send {\"decision\": \"participant\"}, \"observer\" or \"deny\"");
        }
        return find(id).flatMap(room -> {
            AccessChanges.requireFacilitatorChange(room, user, "its access list");
            return Mono.fromCompletionStage(() -> requests.find(room.id(), userId)).flatMap(found -> {
                Request r = found.filter(x -> x.status() == Status.PENDING).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                        "no pending request of " + userId + " for room " + id, "list them with GET /api/rooms/" + id + "/access-requests"));
                if (decision.equals("deny")) {
                    Request denied = r.withStatus(Status.DENIED);
                    return Mono.fromCompletionStage(() -> requests.save(denied)).thenReturn(denied);
                }
                RoomRole role = decision.equals("participant") ? RoomRole.PARTICIPANT : RoomRole.OBSERVER;
                String entry = r.username() != null && !r.username().isBlank() ? r.username() : r.userId();
                Request granted = r.withStatus(Status.GRANTED);
                return AccessChanges.save(rooms, server, room.withAccess(room.access().withMember(role, entry)))
                        .then(Mono.fromCompletionStage(() -> requests.save(granted))).thenReturn(granted);
            });
        });
    }

    private Mono<RoomRecord> find(String id) {
        return RoomReads.existing(rooms, id);
    }
}
