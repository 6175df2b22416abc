package eu.vetnet.rooms.moderation;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.policy.PhaseRules;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.policy.StatementRules;
import eu.vetnet.rooms.policy.Verdict;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.OpenRooms;
import eu.vetnet.rooms.room.ReservedDocuments;
import eu.vetnet.rooms.room.RoomAccessHook;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import eu.vetnet.rooms.room.Voices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Strict moderation of statements (docs/dialogue.md, "Strict moderation"). Where the facilitator sets
 * {@code workshop/statementModeration: "strict"}, a statement reaches the shared document only once approved:
 * {@code POST /api/rooms/{id}/statements/submissions} {@code {"text"}} keeps it in the server's own document
 * ({@link ReservedDocuments#SUBMISSIONS}, opened by no socket); {@code GET} lists what waits (all of it for
 * facilitators, one's own for others); {@code POST .../submissions/{sid}} {@code {"approve": bool}} by a facilitator
 * writes it as its author's statement in a server edit, or drops it. The room server refuses statements written into
 * the document directly while moderation is strict (StatementRules).
 */
@RestController
public class StatementSubmissionController {

    /**
     * How many statements wait, written into the workshop with each submission and decision: every app reads the list
     * again when it changes, instead of asking the server every few seconds (the texts stay in the server's document).
     */
    static final String WAITING = "statementsWaiting";

    /** At most this many statements wait per person: enough for a session, not a flood. */
    static final int MAX_WAITING_PER_PERSON = 10;

    public record Submission(String text) {
    }

    public record Decision(Boolean approve) {
    }

    /** A statement waiting for approval. */
    public record Waiting(String id, String text, String by, String name, long at) {
    }

    private final RoomStore rooms;
    private final RoomServer server;

    public StatementSubmissionController(RoomStore rooms, RoomServer server) {
        this.rooms = rooms;
        this.server = server;
    }

    @PostMapping("/api/rooms/{id}/statements/submissions")
    public Mono<Waiting> submit(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody(required = false) Submission body) {
        RoomUser user = JwtUsers.toUser(jwt);
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (text.isEmpty() || text.length() > StatementRules.MAX_TEXT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a statement is 1 to " + StatementRules.MAX_TEXT + " characters", "shorten it");
        }
        return Voices.seat(rooms, server, id, user, "statements are moderated").flatMap(seat -> Mono.fromCompletionStage(() -> seat.room().serverEdit(
                List.of(ReservedDocuments.SUBMISSIONS, RoomKind.VOICE_DOCUMENT), docs -> {
                    YDoc workshop = docs.get(RoomKind.VOICE_DOCUMENT);
                    if (!StatementRules.strict(workshop)) {
                        throw new ApiException(HttpStatus.CONFLICT, "statements in room " + id + " are not moderated", "post it directly");
                    }
                    Verdict phase = PhaseRules.allows(workshop, "statements");
                    if (!phase.allowed()) {
                        throw new ApiException(HttpStatus.CONFLICT, phase.reason(), "wait for a phase that takes statements");
                    }
                    YMap waiting = docs.get(ReservedDocuments.SUBMISSIONS).getMap("submissions");
                    long mine = waiting.entries().values().stream().filter(v -> v instanceof Map<?, ?> m && user.id().equals(m.get("by"))).count();
                    if (mine >= MAX_WAITING_PER_PERSON) {
                        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, mine + " of your statements wait already",
                                "wait for the facilitator to look at them");
                    }
                    Waiting w = new Waiting("s-" + UUID.randomUUID(), text, user.id(), user.name(), System.currentTimeMillis());
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("text", w.text());
                    entry.put("by", w.by());
                    entry.put("name", w.name());
                    entry.put("at", w.at());
                    waiting.set(w.id(), entry);
                    workshop.getMap("workshop").set(WAITING, waiting.keys().size());
                    return w;
                })));
    }

    @GetMapping("/api/rooms/{id}/statements/submissions")
    public Mono<List<Waiting>> waiting(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return RoomReads.existing(rooms, id).flatMap(room -> {
            RoomRole role = RoomAccessHook.roleFor(room, user, RoomKind.VOICE_DOCUMENT);
            if (role == null) {
                throw new ApiException(HttpStatus.FORBIDDEN, "you are not in room " + id, "ask for access");
            }
            Room open = OpenRooms.require(server, room, "statements are moderated");
            return Mono.fromCompletionStage(() -> open.read(List.of(ReservedDocuments.SUBMISSIONS), docs -> {
                List<Waiting> out = new ArrayList<>();
                YMap all = Policies.rootMap(docs.get(ReservedDocuments.SUBMISSIONS), "submissions"); // a read creates no root
                if (all == null) {
                    return out;
                }
                all.entries().forEach((sid, v) -> {
                    if (v instanceof Map<?, ?> m && (role == RoomRole.FACILITATOR || user.id().equals(m.get("by")))) {
                        out.add(new Waiting(sid, String.valueOf(m.get("text")), String.valueOf(m.get("by")), String.valueOf(m.get("name")),
                                m.get("at") instanceof Number n ? n.longValue() : 0));
                    }
                });
                out.sort((a, b) -> Long.compare(a.at(), b.at()));
                return out;
            }));
        });
    }

    @PostMapping("/api/rooms/{id}/statements/submissions/{sid}")
    public Mono<Map<String, Object>> decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String sid,
            @RequestBody(required = false) Decision body) {
        RoomUser user = JwtUsers.toUser(jwt);
        if (body == null || body.approve() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "approve or not?", "send {\"approve\": true} or false");
        }
        boolean approve = body.approve();
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            return Mono.fromCompletionStage(() -> OpenRooms.require(server, room, "statements are moderated").serverEdit(
                    List.of(ReservedDocuments.SUBMISSIONS, RoomKind.VOICE_DOCUMENT), docs -> {
                        YMap waiting = docs.get(ReservedDocuments.SUBMISSIONS).getMap("submissions");
                        if (!(waiting.get(sid) instanceof Map<?, ?> m)) {
                            throw new ApiException(HttpStatus.NOT_FOUND, "no statement " + sid + " waits", "it was decided already");
                        }
                        waiting.delete(sid);
                        docs.get(RoomKind.VOICE_DOCUMENT).getMap("workshop").set(WAITING, waiting.keys().size());
                        if (approve) {
                            YMap statement = new YMap();
                            docs.get(RoomKind.VOICE_DOCUMENT).getMap("statements").set(sid, statement);
                            statement.set("text", String.valueOf(m.get("text")));
                            statement.set("owner", String.valueOf(m.get("by")));
                            statement.set("votes", new YMap());
                        }
                        return Map.<String, Object>of("id", sid, "approved", approve);
                    }));
        });
    }
}
