package eu.vetnet.learning.attendance;

import eu.vetnet.learning.rooms.RoomServerErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads a room's sessions from the room server's replay API ({@code GET /api/rooms/{id}/sessions}, docs/rooms.md),
 * with the facilitator's own token: the room server decides, as for anyone, whether they may read that room's history.
 * Pages are followed until the sessions start after the window, at most {@link #MAX_PAGES}.
 */
public final class RoomHistory {

    static final int MAX_PAGES = 40;
    static final int PAGE_SIZE = 100;
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    public record Participant(String userId, String username, String name, String role, Instant joinedAt, Instant leftAt) {
    }

    public record Session(Instant startedAt, Instant endedAt, List<Participant> participants, boolean partial) {
    }

    public record Page(List<Session> sessions, String next) {
    }

    private final WebClient rooms;

    public RoomHistory(String roomsUri) {
        this.rooms = WebClient.builder().baseUrl(roomsUri).build();
    }

    /** Every session of the room that began before {@code until}, oldest first. */
    public CompletionStage<List<Session>> sessions(String roomId, String bearerToken, Instant until) {
        return page(roomId, bearerToken, null, until, new ArrayList<>(), 0);
    }

    private CompletionStage<List<Session>> page(String roomId, String token, String cursor, Instant until, List<Session> out, int pages) {
        return rooms.get()
                .uri(u -> {
                    u.path("/api/rooms/{id}/sessions").queryParam("limit", PAGE_SIZE);
                    if (cursor != null) {
                        u.queryParam("cursor", cursor);
                    }
                    return u.build(roomId);
                })
                .headers(h -> h.setBearerAuth(token))
                .retrieve().bodyToMono(Page.class).timeout(TIMEOUT)
                .toFuture()
                .handle((page, err) -> {
                    if (err != null) {
                        throw RoomServerErrors.of(roomId, "read its history", err);
                    }
                    return page;
                })
                .thenCompose(page -> {
                    boolean past = false;
                    for (Session s : page.sessions()) {
                        if (!s.startedAt().isBefore(until)) {
                            past = true;
                            break;
                        }
                        out.add(s);
                    }
                    if (past || page.next() == null || pages + 1 >= MAX_PAGES) {
                        return CompletableFuture.completedFuture(out);
                    }
                    return page(roomId, token, page.next(), until, out, pages + 1);
                });
    }
}
