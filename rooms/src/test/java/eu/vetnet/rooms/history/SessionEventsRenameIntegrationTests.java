package eu.vetnet.rooms.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deleted account's joins and leaves in a room's history, against the launcher's real Cassandra (docs/rooms.md,
 * "Deleting an account"): they read under the pseudonym, everyone else's as before, and renaming again changes none.
 */
class SessionEventsRenameIntegrationTests {

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

    private static RoomUser user(String name) {
        return new RoomUser(name + "-id", name, "Name of " + name, Set.of(), null);
    }

    private static List<SessionEvents.Participant> participants(String room) {
        return fixture.events.page(room, null, 10, 1_000).toCompletableFuture().join().sessions().stream()
                .flatMap(s -> s.participants().stream()).toList();
    }

    @Test
    void aDeletedAccountsEventsReadUnderThePseudonymAndNobodyElsesChange() {
        String room = "r-" + UUID.randomUUID();
        RoomUser gone = user("gone");
        RoomUser stays = user("stays");
        for (RoomUser u : List.of(gone, stays, gone)) {
            fixture.events.record(room, SessionEvents.JOINED, "board", u, RoomRole.PARTICIPANT);
            fixture.events.record(room, SessionEvents.LEFT, "board", u, RoomRole.PARTICIPANT);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> participants(room).size() == 3);

        int renamed = fixture.events.rename(room, gone.id(), "Former member 7Q3K9X").toCompletableFuture().join();

        assertEquals(4, renamed, "two joins and two leaves");
        for (SessionEvents.Participant p : participants(room)) {
            if (p.userId().equals(gone.id())) {
                assertEquals(List.of("Former member 7Q3K9X", "Former member 7Q3K9X"), List.of(p.username(), p.name()), p.toString());
            } else {
                assertEquals(List.of("stays", "Name of stays"), List.of(p.username(), p.name()), p.toString());
            }
        }
        assertEquals(0, fixture.events.rename(room, gone.id(), "Former member 7Q3K9X").toCompletableFuture().join());
    }
}
