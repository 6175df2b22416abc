package eu.vetnet.rooms.dossier;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.history.AtParameter;
import eu.vetnet.rooms.followup.FollowUpNotifier;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.render.BoardPng;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The session dossier (docs/rooms.md, "Session dossier"): a facilitator ends a session and the server assembles what
 * it produced into a new version ({@code POST /api/rooms/{id}/dossiers}); while a draft, they edit its decisions and
 * action items ({@code PUT .../{version}/decisions}); sending it ({@code POST .../{version}/sending}) tells everyone who
 * took part, in the app and by e-mail, and fixes it. Everyone on the room's list reads the versions and their files.
 */
@RestController
public class DossierController {

    private static final Logger log = LoggerFactory.getLogger(DossierController.class);
    static final int MAX_DECISIONS = 50;
    static final int MAX_TEXT = 500;

    public record Decisions(List<Dossier.Decision> decisions) {
    }

    private final RoomStore rooms;
    private final RoomPeople people;
    private final ObjectProvider<DossierStore> stores;
    private final FollowUpNotifier notifier;
    private final DossierAssembler assembler;

    public DossierController(RoomStore rooms, RoomPeople people, ObjectProvider<DossierStore> stores, FollowUpNotifier notifier,
            DossierAssembler assembler) {
        this.assembler = assembler;
        this.rooms = rooms;
        this.people = people;
        this.stores = stores;
        this.notifier = notifier;
    }

    @PostMapping("/api/rooms/{id}/dossiers")
    public Mono<ResponseEntity<Dossier>> assemble(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return assembler.assemble(room, user.name());
        }).doOnNext(d -> log.info("{} assembled dossier {} of room {}", user.id(), d.version(), id))
                .map(d -> ResponseEntity.status(HttpStatus.CREATED).body(d));
    }

    @GetMapping("/api/rooms/{id}/dossiers")
    public Mono<List<Dossier>> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        DossierStore store = store();
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> Mono.fromCompletionStage(() -> store.ofRoom(room.id())));
    }

    @GetMapping("/api/rooms/{id}/dossiers/{version}/files/{name:.+}")
    public Mono<ResponseEntity<byte[]>> file(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable int version,
            @PathVariable String name) {
        DossierStore store = store();
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> {
            if (name.equals(DossierFiles.OVERVIEW)) {
                return found(store, room, version).map(d -> new DossierStore.File("text/markdown", DossierFiles.overview(d).getBytes(StandardCharsets.UTF_8)));
            }
            if (name.equals(DossierFiles.PNG)) {
                return png(store, room, version);
            }
            return Mono.fromCompletionStage(() -> store.file(room.id(), version, name)).map(f -> f.orElseThrow(() ->
                    ApiException.notFound("dossier " + version + " of room " + room.id() + " has no file " + name, "list the dossier to see its files")));
        }).map(f -> ResponseEntity.ok().contentType(f.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-" + version + "-" + name + "\"").body(f.content()));
    }

    @PutMapping("/api/rooms/{id}/dossiers/{version}/decisions")
    public Mono<Dossier> decisions(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable int version, @RequestBody Decisions body) {
        RoomUser user = JwtUsers.toUser(jwt);
        List<Dossier.Decision> decisions = valid(body);
        DossierStore store = store();
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return found(store, room, version).flatMap(d -> change(store, d, d.withDecisions(decisions)));
        });
    }

    @PostMapping("/api/rooms/{id}/dossiers/{version}/sending")
    public Mono<Dossier> send(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable int version) {
        RoomUser user = JwtUsers.toUser(jwt);
        DossierStore store = store();
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return found(store, room, version).flatMap(d -> change(store, d, d.sent(Instant.now())))
                    .flatMap(sent -> Mono.fromCompletionStage(() -> people.list(room.id())).flatMap(list -> notifier.tell(
                            list.stream().map(RoomPeople.Person::id).toList(),
                            "Session dossier: " + room.title(),
                            DossierFiles.overview(sent),
                            "/rooms/" + room.id() + "/history#dossier-" + sent.version())).thenReturn(sent))
                    .doOnNext(sent -> log.info("{} sent dossier {} of room {}", user.id(), version, id));
        });
    }

    /** The board's PNG: kept once made; made from the stored SVG the first time (off the event loop). */
    private static Mono<DossierStore.File> png(DossierStore store, RoomRecord room, int version) {
        return Mono.fromCompletionStage(() -> store.file(room.id(), version, DossierFiles.PNG)).flatMap(kept -> kept.isPresent() ? Mono.just(kept.get())
                : Mono.fromCompletionStage(() -> store.file(room.id(), version, "board.svg")).publishOn(Schedulers.boundedElastic()).flatMap(svg -> {
                    DossierStore.File made = new DossierStore.File("image/png", BoardPng.render(new String(svg.orElseThrow(() ->
                            ApiException.notFound("room " + room.id() + " has no dossier " + version, "list its dossiers")).content(), StandardCharsets.UTF_8)));
                    return Mono.fromCompletionStage(() -> store.addFile(room.id(), version, DossierFiles.PNG, made)).thenReturn(made);
                }));
    }

    private static Mono<Dossier> found(DossierStore store, RoomRecord room, int version) {
        return Mono.fromCompletionStage(() -> store.version(room.id(), version));
    }

    /** A draft changed, if nobody changed it meanwhile; a sent dossier does not change. */
    private static Mono<Dossier> change(DossierStore store, Dossier before, Dossier after) {
        if (before.status() != Dossier.Status.DRAFT) {
            throw ApiException.conflict("dossier " + before.version() + " was sent: it does not change any more", "assemble a new version");
        }
        return Mono.fromCompletionStage(() -> store.replace(before, after)).map(written -> {
            if (!written) {
                throw ApiException.conflict("dossier " + before.version() + " was changed by someone else just now", "reload it and try again");
            }
            return after;
        });
    }

    private static List<Dossier.Decision> valid(Decisions body) {
        if (body == null || body.decisions() == null || body.decisions().size() > MAX_DECISIONS) {
            throw ApiException.badRequest("send the decisions and action items, at most " + MAX_DECISIONS,
                    "{\"decisions\": [{\"text\": \"...\", \"owner\": \"...\", \"due\": \"2026-06-30\"}]}");
        }
        List<Dossier.Decision> out = new ArrayList<>();
        for (Dossier.Decision d : body.decisions()) {
            String text = d == null || d.text() == null ? "" : d.text().strip();
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                throw ApiException.badRequest("each decision needs a text of 1 to " + MAX_TEXT + " characters", "write what was decided or who does what");
            }
            String owner = d.owner() == null || d.owner().isBlank() ? null : d.owner().strip();
            if (owner != null && owner.length() > 100) {
                throw ApiException.badRequest("an owner's name has at most 100 characters", "name the person or the organisation");
            }
            String due = d.due() == null || d.due().isBlank() ? null : d.due().strip();
            if (due != null) {
                try {
                    LocalDate.parse(due);
                } catch (DateTimeParseException e) {
                    throw ApiException.badRequest("'" + due + "' is not a date", "give the date it is due as 2026-06-30, or leave it out");
                }
            }
            out.add(new Dossier.Decision(text, owner, due));
        }
        return out;
    }

    private DossierStore store() {
        return AtParameter.kept(stores, "it keeps no dossiers");
    }
}
