package eu.vetnet.rooms.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.hook.RoomRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Yjs client id belongs to the person who first wrote with it in a document (docs/rooms.md, "What the server
 * checks"), and that survives what takes the document out of memory: an unload and reload, a new server over the same
 * keyspace (a restart, a room moving), and a crash before any snapshot (rebuilt from the log's authors). Against the
 * launcher's real Cassandra, with the core.
 */
class ClientOwnersIntegrationTests {

    private static final long ALICES_CLIENT = 101;
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

    private static final RoomLimits LIMITS = RoomLimits.defaults().withUnloadGrace(Duration.ofMillis(200));

    /** Alice's replica after she wrote her line under her client id, and left. */
    private static YDoc aliceWrites(CoreRooms rooms, String room) {
        CoreRooms.Client alice = rooms.join(room, "scratch", "alice", RoomRole.PARTICIPANT, ALICES_CLIENT);
        alice.write(d -> d.getText("t").insert(0, "alice's line"));
        await().atMost(Duration.ofSeconds(10)).until(() -> logAuthors(room).size() == 1);
        alice.leave();
        return alice.doc;
    }

    /**
     * Bob, a participant, sends an edit made on Alice's replica: new clocks under her client id, continuing hers
     * exactly (no gap), so only ownership can refuse it. A real Yjs client would take a new client id; this one is
     * what someone impersonating her sends. True when the server refused it with the rejection notice.
     */
    private static boolean bobIsRefusedUnderAlicesClientId(CoreRooms rooms, String room, YDoc alicesReplica) {
        CoreRooms.Client bob = rooms.join(room, "scratch", "bob", RoomRole.PARTICIPANT, 202);
        assertEquals("alice's line", bob.doc.getText("t").toString(), "bob sees the stored document");
        List<byte[]> update = new ArrayList<>();
        var sub = alicesReplica.onUpdate((u, o, t) -> update.add(u));
        alicesReplica.getText("t").insert(0, "bob as alice ");
        sub.close();
        bob.sendUpdate(update.get(0));
        try {
            await().atMost(Duration.ofSeconds(5)).until(bob::rejected);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        } finally {
            bob.leave();
        }
    }

    private static List<String> logAuthors(String room) {
        return HistoryReads.log(fixture.statements(), room, "scratch", LogPosition.START, null).toCompletableFuture().join()
                .stream().map(HistoryReads.LogRow::userId).toList();
    }

    @Test
    void ownershipSurvivesAnUnloadAndReload() {
        String room = "r-" + UUID.randomUUID();
        try (CoreRooms rooms = new CoreRooms(LIMITS, fixture.history)) {
            YDoc alices = aliceWrites(rooms, room);
            await().atMost(Duration.ofSeconds(10)).until(() -> rooms.server.openRoom(room) == null);

            assertTrue(bobIsRefusedUnderAlicesClientId(rooms, room, alices));

            CoreRooms.Client bobsOwn = rooms.join(room, "scratch", "bob", RoomRole.PARTICIPANT, 303);
            bobsOwn.write(d -> d.getText("t").insert(0, "bob "));
            await().atMost(Duration.ofSeconds(5)).until(() -> logAuthors(room).equals(List.of("alice", "bob")));
            assertFalse(bobsOwn.rejected(), "a client id of his own is his");
        }
    }

    @Test
    void ownershipSurvivesANewServerOverTheSameKeyspace() {
        String room = "r-" + UUID.randomUUID();
        YDoc alices;
        try (CoreRooms rooms = new CoreRooms(LIMITS, fixture.history)) {
            alices = aliceWrites(rooms, room);
        }
        // Another server (a restart, or the room moving): a new history, its own writer id, over the same keyspace.
        try (HistoryFixture second = new HistoryFixture(); CoreRooms rooms = new CoreRooms(LIMITS, second.history)) {
            assertEquals("alice", HistoryReads.latestSnapshot(second.statements(), room, "scratch").toCompletableFuture().join()
                    .orElseThrow().owners().get(ALICES_CLIENT), "stored with the snapshot");
            assertTrue(bobIsRefusedUnderAlicesClientId(rooms, room, alices));
        }
    }

    @Test
    void ownershipIsRebuiltFromTheLogsAuthorsWhenNoSnapshotHoldsIt() {
        String room = "r-" + UUID.randomUUID();
        CoreRooms crashing = new CoreRooms(RoomLimits.defaults().withStoreDebounce(Duration.ofHours(1), Duration.ofHours(1),
                1_000_000), fixture.history);
        YDoc alices = aliceWrites(crashing, room);
        crashing.crash();
        assertTrue(HistoryReads.latestSnapshot(fixture.statements(), room, "scratch").toCompletableFuture().join().isEmpty(),
                "nothing but the log was stored");

        try (HistoryFixture second = new HistoryFixture(); CoreRooms rooms = new CoreRooms(LIMITS, second.history)) {
            assertTrue(bobIsRefusedUnderAlicesClientId(rooms, room, alices), "the row's author owns the client id again");
        }
    }
}
