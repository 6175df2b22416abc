package eu.vetnet.rooms.polls;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.policy.PhaseRules;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.policy.PollRules;
import eu.vetnet.rooms.policy.Verdict;
import eu.vetnet.rooms.room.ReservedDocuments;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomStore;
import eu.vetnet.rooms.room.Voices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Anonymous polls (docs/dialogue.md, "Anonymous votes"): {@code POST /api/rooms/{id}/polls/{poll}/ballot}
 * {@code {"ballot": ...}} casts, changes or (null) withdraws the caller's ballot; {@code GET} the same path returns it.
 * The server keeps ballots in a document nobody may open ({@link ReservedDocuments#BALLOTS}) and writes only the tally
 * into the poll's description, in one server edit: the shared document never says who voted for what.
 */
@RestController
public class AnonymousBallotController {

    /** What the caller sends: a choice, the list of targets for a dot vote, or null to withdraw. */
    public record BallotRequest(Object ballot) {
    }

    /** The caller's ballot as the server keeps it (null: none). */
    public record Ballot(Object ballot) {
    }

    private final RoomStore rooms;
    private final RoomServer server;

    public AnonymousBallotController(RoomStore rooms, RoomServer server) {
        this.rooms = rooms;
        this.server = server;
    }

    @PostMapping("/api/rooms/{id}/polls/{poll}/ballot")
    public Mono<Ballot> cast(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String poll,
            @RequestBody(required = false) BallotRequest body) {
        RoomUser user = JwtUsers.toUser(jwt);
        Object ballot = body == null ? null : body.ballot();
        return Voices.seat(rooms, server, id, user, "votes are cast").flatMap(seat -> Mono.fromCompletionStage(() -> seat.room().serverEdit(
                List.of(ReservedDocuments.BALLOTS, RoomKind.VOICE_DOCUMENT),
                docs -> new Ballot(record(docs.get(ReservedDocuments.BALLOTS), docs.get(RoomKind.VOICE_DOCUMENT), poll, user.id(),
                        ballot, seat.facilitates())))));
    }

    @GetMapping("/api/rooms/{id}/polls/{poll}/ballot")
    public Mono<Ballot> mine(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String poll) {
        RoomUser user = JwtUsers.toUser(jwt);
        return Voices.seat(rooms, server, id, user, "votes are cast").flatMap(seat -> Mono.fromCompletionStage(() -> seat.room().read(
                List.of(ReservedDocuments.BALLOTS), docs -> {
                    YMap all = Policies.rootMap(docs.get(ReservedDocuments.BALLOTS), "ballots"); // a read creates no root
                    return new Ballot(all != null && all.get(poll) instanceof YMap ballots ? ballots.get(user.id()) : null);
                })));
    }

    /**
     * On the room's lane, inside the server edit: judges the ballot against the poll as it stands, keeps it in the
     * secret document, and writes the new tally. A refusal is thrown before anything is written (an ApiException: the
     * room stays as it is). Returns the ballot kept.
     */
    static Object record(YDoc secret, YDoc workshop, String poll, String voter, Object ballot, boolean facilitates) {
        Verdict phase = facilitates ? Verdict.ALLOW : PhaseRules.allows(workshop, "vote");
        if (!phase.allowed()) {
            throw new ApiException(HttpStatus.CONFLICT, phase.reason(), "wait for a phase that allows voting");
        }
        YMap described = PollRules.description(workshop, poll);
        if (described == null || !Boolean.TRUE.equals(described.get(PollRules.ANONYMOUS))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no anonymous poll " + poll, "anonymous polls are cast here; others in the document");
        }
        if (PollRules.CLOSED.equals(described.get("state"))) {
            throw new ApiException(HttpStatus.CONFLICT, "the poll '" + described.get("question") + "' is closed", "ballots can no longer be cast or withdrawn");
        }
        if (ballot != null) {
            Verdict v = PollRules.ballot(described, ballot);
            if (!v.allowed()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, v.reason(), "send {\"ballot\": ...} as the poll asks");
            }
        }
        YMap all = secret.getMap("ballots");
        if (!(all.get(poll) instanceof YMap)) {
            all.set(poll, new YMap());
        }
        YMap ballots = (YMap) all.get(poll);
        if (ballot == null) {
            ballots.delete(voter);
        } else {
            ballots.set(voter, ballot);
        }
        described.set("tally", tally(described, ballots));
        described.set("voters", ballots.keys().size());
        return ballot;
    }

    /** Votes (or dots) per option (or target), in the poll's order. */
    static Map<String, Object> tally(YMap described, YMap ballots) {
        boolean dots = PollRules.DOTS.equals(described.get("kind"));
        Object keys = described.get(dots ? "targets" : "options");
        Map<String, Object> counts = new LinkedHashMap<>();
        if (keys instanceof List<?> list) {
            list.forEach(k -> counts.put(String.valueOf(k), 0));
        }
        for (Object b : ballots.entries().values()) {
            for (Object k : b instanceof List<?> l ? l : List.of(b)) {
                counts.computeIfPresent(String.valueOf(k), (key, n) -> (Integer) n + 1);
            }
        }
        return counts;
    }
}
