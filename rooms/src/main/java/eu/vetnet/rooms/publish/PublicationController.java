package eu.vetnet.rooms.publish;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.dossier.Dossier;
import eu.vetnet.rooms.dossier.DossierStore;
import eu.vetnet.rooms.export.ExportController;
import eu.vetnet.rooms.history.AtParameter;
import eu.vetnet.rooms.history.PastDocuments;
import eu.vetnet.rooms.history.SessionEvents;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.render.RenderController;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishing from a room (docs/rooms.md, "Publishing"): a facilitator publishes the board as it was at an instant, or
 * one of the session's dossiers, to the public library, anonymised ({@link Anonymiser}, {@link PublicationFiles}),
 * under a Creative Commons licence they choose; and can withdraw it. Everyone on the room's list sees what the room
 * published. Each act is logged with who did it. The public reads it through {@link PublicPublicationController}.
 */
@RestController
public class PublicationController {

    private static final Logger log = LoggerFactory.getLogger(PublicationController.class);
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    /** {@code what}: "board" (as of {@code at}, now without it) or "dossier" ({@code version}). */
    public record Request(String what, String at, Integer version, String licence, String title, String summary) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final RoomPeople people;
    private final ObjectProvider<PastDocuments> past;
    private final ObjectProvider<SessionEvents> sessions;
    private final ObjectProvider<DossierStore> dossiers;
    private final ObjectProvider<PublicationStore> stores;

    public PublicationController(RoomStore rooms, RoomServer server, RoomPeople people, ObjectProvider<PastDocuments> past,
            ObjectProvider<SessionEvents> sessions, ObjectProvider<DossierStore> dossiers, ObjectProvider<PublicationStore> stores) {
        this.rooms = rooms;
        this.server = server;
        this.people = people;
        this.past = past;
        this.sessions = sessions;
        this.dossiers = dossiers;
        this.stores = stores;
    }

    @PostMapping("/api/rooms/{id}/publications")
    public Mono<ResponseEntity<Publication>> publish(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Request body) {
        RoomUser user = JwtUsers.toUser(jwt);
        PublicationStore store = store();
        if (body == null || !("board".equals(body.what()) || "dossier".equals(body.what()))) {
            throw ApiException.badRequest("say what to publish", "{\"what\": \"board\", \"at\": \"2026-05-04T10:15:00Z\", \"licence\": \"CC-BY-4.0\"}"
                    + " or {\"what\": \"dossier\", \"version\": 1, \"licence\": \"CC-BY-4.0\"}");
        }
        Licences.Licence licence = Licences.require(body.licence());
        String title = optional(body.title(), MAX_TITLE, "title");
        String summary = optional(body.summary(), MAX_SUMMARY, "summary");
        Publication.Kind kind = "board".equals(body.what()) ? Publication.Kind.BOARD : Publication.Kind.DOSSIER;
        Instant at = kind == Publication.Kind.BOARD ? AtParameter.optional(body.at()) : null;
        if (at != null && at.isAfter(Instant.now())) {
            throw ApiException.badRequest("'at' is in the future: " + body.at(), "pick an instant of the room's past, or leave it out for the board now");
        }
        if (kind == Publication.Kind.DOSSIER && body.version() == null) {
            throw ApiException.badRequest("say which version of the dossier to publish", "{\"what\": \"dossier\", \"version\": 1, ...}");
        }
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            Mono<Plan> plan = kind == Publication.Kind.BOARD ? Mono.just(new Plan(at, List.of(), null, room.title()))
                    : dossier(room, body.version()).map(d -> new Plan(d.createdAt(), d.decisions(), d.version(), d.roomTitle() + ": session dossier"));
            return plan.flatMap(p -> Mono.zip(content(room, kind, p.at()), everyone(room, user)).publishOn(Schedulers.boundedElastic()).flatMap(t -> {
                Instant now = Instant.now();
                Instant contentAt = p.at() == null ? now : p.at();
                PublicationFiles.Built built;
                try {
                    built = PublicationFiles.build(Anonymiser.of(t.getT2()), kind, t.getT1(), title == null ? p.title() : title, summary,
                            p.decisions(), licence, contentAt);
                } catch (PublicationFiles.Leak leak) {
                    log.warn("publication from room {} refused: {}", room.id(), leak.getMessage());
                    throw ApiException.conflict("the anonymised publication would still name someone (" + leak.getMessage() + "), so it was not published",
                            "report this: the room's content names a person in a way the server does not take out");
                }
                List<Dossier.FileInfo> infos = new ArrayList<>();
                built.files().forEach((name, f) -> infos.add(new Dossier.FileInfo(name, f.type(), f.content().length)));
                Publication pub = new Publication(newId(), kind, built.title(), built.summary(), licence, now, contentAt, built.decisions(), infos,
                        room.id(), p.version(), user.id(), null, null);
                return Mono.fromCompletionStage(() -> store.create(pub, built.files())).thenReturn(pub);
            }));
        }).doOnNext(pub -> log.info("{} published {} {} of room {} as {} under {}", user.id(), pub.kind(),
                        pub.dossierVersion() == null ? pub.contentAt() : "version " + pub.dossierVersion(), id, pub.id(), pub.licence().id()))
                .map(pub -> ResponseEntity.status(HttpStatus.CREATED).body(pub));
    }

    @GetMapping("/api/rooms/{id}/publications")
    public Mono<List<Publication>> ofRoom(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        PublicationStore store = store();
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> Mono.fromCompletionStage(() -> store.ofRoom(room.id())));
    }

    @DeleteMapping("/api/rooms/{id}/publications/{publication}")
    public Mono<Publication> withdraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String publication) {
        RoomUser user = JwtUsers.toUser(jwt);
        PublicationStore store = store();
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return Mono.fromCompletionStage(() -> store.find(publication)).map(found -> found.filter(p -> p.room().equals(room.id())).orElseThrow(() ->
                    ApiException.notFound("room " + room.id() + " published nothing as " + publication, "list its publications")));
        }).flatMap(p -> {
            if (p.withdrawn()) {
                return Mono.just(p);
            }
            Publication withdrawn = p.withdraw(Instant.now(), user.id());
            return Mono.fromCompletionStage(() -> store.withdraw(withdrawn)).thenReturn(withdrawn)
                    .doOnNext(w -> log.info("{} withdrew publication {} of room {}", user.id(), w.id(), id));
        });
    }

    private record Plan(Instant at, List<Dossier.Decision> decisions, Integer version, String title) {
    }

    private Mono<Dossier> dossier(RoomRecord room, int version) {
        DossierStore store = AtParameter.kept(dossiers, "it keeps no dossiers");
        return Mono.fromCompletionStage(() -> store.version(room.id(), version));
    }

    /** The board (and for a dossier the document and the workshop) now, or as they were at {@code at} from the history. */
    private Mono<PublicationFiles.Source> content(RoomRecord room, Publication.Kind kind, Instant at) {
        List<String> documents = new ArrayList<>(List.of(RoomRecord.BOARD));
        if (kind == Publication.Kind.DOSSIER) {
            documents.addAll(List.of(RoomRecord.NOTES, RoomKind.VOICE_DOCUMENT));
        }
        documents.retainAll(room.documents());
        if (at == null) {
            return Mono.fromCompletionStage(() -> server.hold(room.id(), open -> open.read(documents, PublicationController::source)));
        }
        PastDocuments history = AtParameter.history(past, "nothing can be published as it was then");
        // The documents rebuilt side by side on the history's pool, then read together.
        return Flux.fromIterable(documents).flatMap(d -> Mono.fromCompletionStage(() -> history.at(room.id(), d, at)).map(doc -> Map.entry(d, doc)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).map(PublicationController::source);
    }

    private static PublicationFiles.Source source(Map<String, YDoc> docs) {
        Map<String, Map<String, Object>> data = ExportController.json(docs);
        YDoc notes = docs.get(RoomRecord.NOTES);
        return new PublicationFiles.Source(data.get(RoomRecord.BOARD), docs.containsKey(RoomKind.VOICE_DOCUMENT) ? data.get(RoomKind.VOICE_DOCUMENT) : Map.of(),
                notes == null ? null : RenderController.notes(notes));
    }

    /** Everyone the room knows: its names directory, its access list, who joined its sessions, and the one publishing. */
    private Mono<List<Anonymiser.Person>> everyone(RoomRecord room, RoomUser publisher) {
        List<Anonymiser.Person> all = new ArrayList<>();
        all.add(new Anonymiser.Person(publisher.id(), publisher.username(), publisher.name()));
        var access = room.access();
        List<String> listed = new ArrayList<>();
        listed.add(access.owner());
        listed.addAll(access.facilitators());
        listed.addAll(access.participants());
        listed.addAll(access.observers());
        listed.forEach(who -> all.add(new Anonymiser.Person(null, who, null)));
        if (room.ownerName() != null) {
            all.add(new Anonymiser.Person(access.owner(), null, room.ownerName()));
        }
        SessionEvents events = sessions.getIfAvailable();
        Mono<List<SessionEvents.Session>> joined = events == null ? Mono.just(List.of())
                : Mono.fromCompletionStage(() -> events.all(room.id()));
        return Mono.zip(Mono.fromCompletionStage(() -> people.list(room.id())), joined).map(t -> {
            t.getT1().forEach(p -> all.add(new Anonymiser.Person(p.id(), null, p.name())));
            t.getT2().forEach(session -> session.participants().forEach(p -> all.add(new Anonymiser.Person(p.userId(), p.username(), p.name()))));
            return all;
        });
    }

    private static String optional(String text, int max, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > max) {
            throw ApiException.badRequest("the " + what + " has at most " + max + " characters", "shorten it");
        }
        return text.strip();
    }

    private static String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_LETTERS[RANDOM.nextInt(ID_LETTERS.length)];
        }
        return new String(id);
    }

    private PublicationStore store() {
        return AtParameter.kept(stores, "it publishes nothing");
    }
}
