package eu.vetnet.rooms.questions;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.policy.PhaseRules;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.policy.Verdict;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomStore;
import eu.vetnet.rooms.room.Voices;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/rooms/{id}/questions/anonymous} {@code {"text"}} (docs/dialogue.md, "Anonymous questions"): where the
 * facilitator allows it ({@code workshop/anonymousQuestions}), anyone with a voice asks without a name. The server
 * writes the question, owned by nobody, in a server edit: no user id of the asker reaches the document. It still
 * counts who asked, here on the room's server and nowhere else: at most {@code vetnet.rooms.anonymous-questions.per-window}
 * (3) per person and room in {@code .window} (1 minute); 429 beyond, so anonymity is no licence to flood.
 */
@RestController
public class AnonymousQuestionController {

    static final int MAX_TEXT = 500;
    static final String ALLOWED = "anonymousQuestions";

    public record AskRequest(String text) {
    }

    public record Asked(String id) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final int perWindow;
    private final Duration window;
    /** room + user -> when their recent anonymous questions were asked (ms): a few numbers per person who asked here. */
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public AnonymousQuestionController(RoomStore rooms, RoomServer server,
            @Value("${vetnet.rooms.anonymous-questions.per-window:3}") int perWindow,
            @Value("${vetnet.rooms.anonymous-questions.window:1m}") Duration window) {
        this.rooms = rooms;
        this.server = server;
        this.perWindow = perWindow;
        this.window = window;
    }

    @PostMapping("/api/rooms/{id}/questions/anonymous")
    public Mono<Asked> ask(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody(required = false) AskRequest body) {
        RoomUser user = JwtUsers.toUser(jwt);
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a question is 1 to " + MAX_TEXT + " characters", "write the question");
        }
        return Voices.seat(rooms, server, id, user, "questions are asked").flatMap(seat -> {
            String asker = id + "\n" + user.id();
            admit(asker);
            return Mono.fromCompletionStage(() -> seat.room().serverEdit(List.of(RoomKind.VOICE_DOCUMENT),
                            docs -> new Asked(write(docs.get(RoomKind.VOICE_DOCUMENT), text, seat.facilitates()))))
                    .doOnError(ApiException.class, refused -> forget(asker)); // a refused question does not count
        });
    }

    /** Refuses a person's question beyond the rate; otherwise counts it. */
    private void admit(String key) {
        long now = System.currentTimeMillis();
        recent.compute(key, (k, times) -> {
            Deque<Long> t = times == null ? new ArrayDeque<>() : times;
            while (!t.isEmpty() && now - t.peekFirst() > window.toMillis()) {
                t.pollFirst();
            }
            if (t.size() >= perWindow) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "at most " + perWindow + " anonymous questions in "
                        + window.toSeconds() + " s", "wait a moment before asking again");
            }
            t.addLast(now);
            return t;
        });
    }

    private void forget(String key) {
        recent.computeIfPresent(key, (k, times) -> {
            times.pollLast();
            return times.isEmpty() ? null : times;
        });
    }

    /** On the room's lane, in the server edit: a refusal is thrown before anything is written (the room stays as it is). */
    private static String write(YDoc workshop, String text, boolean facilitates) {
        YMap settings = Policies.rootMap(workshop, "workshop");
        if (settings == null || !Boolean.TRUE.equals(settings.get(ALLOWED))) {
            throw new ApiException(HttpStatus.CONFLICT, "anonymous questions are not allowed in this room",
                    "ask with your name, or ask the facilitator to allow anonymous questions");
        }
        Verdict phase = facilitates ? Verdict.ALLOW : PhaseRules.allows(workshop, "ask");
        if (!phase.allowed()) {
            throw new ApiException(HttpStatus.CONFLICT, phase.reason(), "wait for a phase that takes questions");
        }
        String id = "anon-" + UUID.randomUUID();
        YMap q = new YMap();
        workshop.getMap("questions").set(id, q);
        q.set("text", text);
        q.set("owner", Policies.ANONYMOUS_OWNER);
        q.set("upvotes", new YMap());
        return id;
    }
}
