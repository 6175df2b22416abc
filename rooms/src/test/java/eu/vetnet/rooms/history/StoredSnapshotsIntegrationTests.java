package eu.vetnet.rooms.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.Updates;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.hook.RoomRole;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots come from the loaded document, stored by the core while the room is open (debounced), against the
 * launcher's real Cassandra: what was deleted does not stay in them, so a room's snapshot is as large as what it
 * holds, not as everything ever written to it.
 */
class StoredSnapshotsIntegrationTests {

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

    private static final RoomLimits QUICK_STORES = RoomLimits.defaults()
            .withStoreDebounce(Duration.ofMillis(100), Duration.ofMillis(400), 20);

    @Test
    void insertThenDeleteCyclesLeaveASnapshotAsSmallAsTheDocument() {
        String room = "r-" + UUID.randomUUID();
        String big = "x".repeat(10_000);
        try (CoreRooms rooms = new CoreRooms(QUICK_STORES, fixture.history)) {
            CoreRooms.Client fabio = rooms.join(room, "scratch", "fabio", RoomRole.FACILITATOR, 7);
            for (int cycle = 0; cycle < 30; cycle++) {
                fabio.write(d -> d.getText("t").insert(0, big));
                fabio.write(d -> d.getText("t").delete(0, big.length()));
            }
            fabio.write(d -> d.getText("t").insert(0, "kept"));

            // Stored while the room is open: no unload needed. The last snapshot covers every row.
            await().atMost(Duration.ofSeconds(30)).until(() -> logAfterLatestSnapshot(room).isEmpty()
                    && HistoryReads.latestSnapshot(fixture.statements(), room, "scratch").toCompletableFuture().join().isPresent());
        }
        HistoryReads.SnapshotRow snapshot = HistoryReads.latestSnapshot(fixture.statements(), room, "scratch")
                .toCompletableFuture().join().orElseThrow();
        List<HistoryReads.LogRow> log = HistoryReads.log(fixture.statements(), room, "scratch", LogPosition.START, null)
                .toCompletableFuture().join();
        int merged = Updates.mergeUpdates(log.stream().map(HistoryReads.LogRow::payload).toList()).length;
        System.out.printf("insert/delete cycles: %d log rows, snapshot %d bytes, the log merged (the old snapshot) %d bytes%n",
                log.size(), snapshot.state().length, merged);

        assertTrue(snapshot.state().length < 2_000, "300 KB inserted and deleted, snapshot " + snapshot.state().length + " bytes");
        YDoc fromSnapshot = new YDoc();
        fromSnapshot.applyUpdate(snapshot.state());
        assertEquals("kept", fromSnapshot.getText("t").toString());
    }

    private static List<HistoryReads.LogRow> logAfterLatestSnapshot(String room) {
        return HistoryReads.load(fixture.statements(), room, "scratch").toCompletableFuture().join().log();
    }
}
