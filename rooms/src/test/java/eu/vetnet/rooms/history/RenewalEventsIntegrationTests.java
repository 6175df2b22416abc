package eu.vetnet.rooms.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.vetnet.identity.TokenRenewal;
import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.hook.RoomRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A token renewal re-checks an open session (docs/rooms.md, "Token renewal") but is no join: it writes no session
 * event. Through the core, against the launcher's real Cassandra: a socket renewed four times leaves one joined and one
 * left row, and one session with one participant.
 */
class RenewalEventsIntegrationTests {

    private static HistoryFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new HistoryFixture();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static List<String> eventKinds(String room) {
        HistoryStatements s = fixture.statements();
        List<String> kinds = new ArrayList<>();
        HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectEvents").bind(room, Buckets.day(Instant.now()))),
                row -> kinds.add(row.getString("kind"))).toCompletableFuture().join();
        return kinds;
    }

    @Test
    void renewingASocketsTokenWritesNoSessionEvent() {
        String room = "r-" + UUID.randomUUID();
        try (CoreRooms rooms = new CoreRooms(RoomLimits.defaults(), fixture.history)) {
            CoreRooms.Client alice = rooms.join(room, "scratch", "alice", RoomRole.PARTICIPANT, 11);
            await().atMost(Duration.ofSeconds(10)).until(() -> eventKinds(room).equals(List.of(SessionEvents.JOINED)));

            for (int i = 0; i < 4; i++) {
                alice.connection.receiveText(TokenRenewal.frame("alice|PARTICIPANT"));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rooms.tokens.renewals.get() == 4);
            assertNull(alice.closeCode(), "every renewal was accepted");
            alice.leave();

            await().atMost(Duration.ofSeconds(10)).until(() -> eventKinds(room).size() >= 2);
            sleep(500); // anything a renewal had written would be there by now
            assertEquals(List.of(SessionEvents.JOINED, SessionEvents.LEFT), eventKinds(room));
            SessionEvents.Page page = fixture.events.page(room, null, 50, 1000).toCompletableFuture().join();
            assertEquals(1, page.sessions().size());
            assertEquals(1, page.sessions().get(0).participants().size());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
