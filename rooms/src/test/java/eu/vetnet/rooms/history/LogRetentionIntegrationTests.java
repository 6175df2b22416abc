package eu.vetnet.rooms.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.RoomRole;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retention against the launcher's real Cassandra, in seconds instead of days: every update kept for 3 s, snapshots
 * thinned to one per second. Old log rows are deleted once a kept snapshot covers them, yet a replay of an old instant
 * still shows the document as it was then (from the snapshots), a replay inside the window is exact, and a load holds
 * everything.
 */
class LogRetentionIntegrationTests {

    private static HistoryProperties seconds() {
        HistoryProperties p = new HistoryProperties();
        p.setKeepEveryUpdateFor(Duration.ofSeconds(3));
        p.setSnapshotGranularity(Duration.ofSeconds(1));
        p.setCompactEvery(Duration.ZERO);
        return p;
    }

    /** Every update stored at once: several snapshots fall into one granularity window, so thinning has work. */
    private static final RoomLimits STORE_EVERY_UPDATE = RoomLimits.defaults()
            .withStoreDebounce(Duration.ofMillis(50), Duration.ofMillis(200), 1);

    private static List<HistoryReads.LogRow> log(HistoryFixture f, String room) {
        return HistoryReads.log(f.statements(), room, "scratch", LogPosition.START, null).toCompletableFuture().join();
    }

    /**
     * Writes {@code text} in three updates a moment apart (each stored at once: several snapshots in one second), waits
     * until a snapshot covers them, then lets a second and more pass.
     */
    private static Instant writeAndLetTimePass(HistoryFixture f, CoreRooms.Client c, String room, String text) {
        for (String part : new String[] {text + "1", text + "2", text + "3 "}) {
            c.write(d -> d.getText("t").insert(d.getText("t").length(), part));
            sleep(60);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> HistoryReads.load(f.statements(), room, "scratch")
                .toCompletableFuture().join().log().isEmpty());
        sleep(1100);
        Instant then = Instant.now();
        sleep(1100);
        return then;
    }

    private static String replay(HistoryFixture f, String room, Instant at) {
        return HistoryReads.replay(f.statements(), room, "scratch", at, f.cpu).toCompletableFuture().join().getText("t").toString();
    }

    @Test
    void oldRowsAreDeletedAndReplayOfAnOldInstantStillShowsTheDocumentAsItWas() {
        String room = "r-" + UUID.randomUUID();
        try (HistoryFixture f = new HistoryFixture(seconds()); CoreRooms rooms = new CoreRooms(STORE_EVERY_UPDATE, f.history)) {
            CoreRooms.Client fabio = rooms.join(room, "scratch", "fabio", RoomRole.FACILITATOR, 7);
            Instant afterA = writeAndLetTimePass(f, fabio, room, "a");
            Instant afterB = writeAndLetTimePass(f, fabio, room, "b");
            List<HistoryReads.LogRow> upToB = log(f, room);
            LogPosition lastOfB = upToB.get(upToB.size() - 1).position();
            Instant afterC = writeAndLetTimePass(f, fabio, room, "c");
            sleep(1000); // b's snapshot is now in a window wholly older than 3 s
            fabio.write(d -> d.getText("t").insert(d.getText("t").length(), "d "));

            // Each store runs a retention pass; the one after d deletes every row up to b's snapshot at least.
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                LogFloor floor = HistoryReads.retention(f.statements(), room, "scratch").toCompletableFuture().join().floor();
                // Rows at the very instant the floor covers stay (the range delete takes the rows before it); no others.
                return floor != null && floor.covers().compareTo(lastOfB) >= 0
                        && log(f, room).stream().noneMatch(r -> r.at().isBefore(floor.covers().at()));
            });
            List<HistoryReads.LogRow> left = log(f, room);
            assertTrue(left.size() <= 5, "10 rows written, left: " + left.size());

            HistoryReads.Retention retention = HistoryReads.retention(f.statements(), room, "scratch").toCompletableFuture().join();
            assertNotNull(retention.floor(), "the log floor is set before rows are deleted");
            System.out.printf("retention: 10 log rows written, %d left; floor snapshot taken %s%n", left.size(),
                    retention.floor().snapshotTakenAt());
            // Older than the floor: the snapshot taken by then, without the log; exact to the granularity.
            assertEquals("a1a2a3 ", replay(f, room, afterA));
            // Inside the window: exact.
            assertEquals("a1a2a3 b1b2b3 ", replay(f, room, afterB));
            assertEquals("a1a2a3 b1b2b3 c1c2c3 ", replay(f, room, afterC));
            assertEquals("a1a2a3 b1b2b3 c1c2c3 d ", replay(f, room, Instant.now()));

            // Snapshots thinned to one per second (the current second may still hold more until the next pass).
            Map<Long, Integer> perWindow = new HashMap<>();
            Instant current = Instant.now().minusSeconds(1);
            HistoryDatabase.forEachRow(f.statements().session().executeAsync(f.statements().get("selectSnapshotKeysFrom")
                            .bind(room, "scratch", Instant.EPOCH)),
                    row -> {
                        if (row.getInstant("taken_at").isBefore(current)) {
                            perWindow.merge(row.getInstant("taken_at").getEpochSecond(), 1, Integer::sum);
                        }
                    }).toCompletableFuture().join();
            assertTrue(perWindow.values().stream().allMatch(n -> n == 1), "snapshots per second: " + perWindow);
        }
        // A new server loads everything: the latest snapshot and the rows after it.
        try (HistoryFixture fresh = new HistoryFixture(seconds())) {
            YDoc loaded = new YDoc();
            fresh.history.onLoadDocument(new LoadPayload(room, "scratch", loaded)).toCompletableFuture().join();
            assertEquals("a1a2a3 b1b2b3 c1c2c3 d ", loaded.getText("t").toString());
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
