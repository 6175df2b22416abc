package eu.vetnet.rooms.history;

import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Replay over REST: a room's sessions (from its session events), a page at a time, and a document's content as of any
 * instant (rebuilt from the latest snapshot taken by then and the log up to it, streamed). For anyone on the room's
 * access list. No request reads a room's whole history into memory (docs/history-and-presence.md, "Replay REST").
 */
@RestController
@ConditionalOnProperty(name = "vetnet.history.store", havingValue = "cassandra", matchIfMissing = true)
@RequestMapping("/api/rooms/{id}")
public class HistoryController {

    private final PastDocuments past;
    private final SessionEvents events;
    private final RoomStore rooms;
    private final Executor cpu;
    private final HistoryProperties properties;

    public HistoryController(PastDocuments past, SessionEvents events, RoomStore rooms,
            @Qualifier("historyCpu") Executor historyCpu, HistoryProperties properties) {
        this.past = past;
        this.events = events;
        this.rooms = rooms;
        this.cpu = historyCpu;
        this.properties = properties;
    }

    /**
     * One page of the room's sessions, oldest first: {@code limit} sessions (default {@code sessions-page-size}, at most
     * {@code sessions-max-page-size}), from {@code cursor} (the {@code next} of the page before; absent: the first).
     */
    @GetMapping("/sessions")
    public Mono<SessionEvents.Page> sessions(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        int pageSize = pageSize(limit);
        SessionCursor after = cursor(cursor);
        return allowed(jwt, id).flatMap(room -> Mono.fromCompletionStage(() -> events.page(id, after, pageSize,
                properties.getSessionsMaxEventsPerPage())));
    }

    private int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return properties.getSessionsPageSize();
        }
        int max = properties.getSessionsMaxPageSize();
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > max) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "'limit' must be a whole number from 1 to " + max + ", not " + limit,
                    "ask for at most " + max + " sessions and follow 'next' for more");
        }
        return n;
    }

    private static SessionCursor cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return SessionCursor.decode(cursor.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage(),
                    "pass the 'next' of the page before unchanged, or no cursor for the first page");
        }
    }

    /** The document's {@code toJSON()} as of {@code at} (ISO-8601 instant; now when absent). */
    @GetMapping(value = "/documents/{document}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<String> document(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String document,
            @RequestParam(required = false) String at) {
        Instant asked = AtParameter.optional(at);
        Instant when = asked == null ? Instant.now() : asked;
        return allowed(jwt, id).flatMap(room -> {
            if (!room.documents().contains(document)) {
                return Mono.error(new ApiException(HttpStatus.NOT_FOUND, "room " + id + " has no document " + document,
                        "its documents are " + room.documents()));
            }
            return Mono.fromCompletionStage(() -> past.at(id, document, when).thenApplyAsync(doc -> JsJson.stringify(doc.toJson()), cpu));
        });
    }

    private Mono<RoomRecord> allowed(Jwt jwt, String id) {
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt));
    }
}
