package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.protocol.SyncMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one person or one connection may cost the server: sockets per person, sync answers per connection. */
class ClientLimitsTests {

    private CoreHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void onePersonMayHoldOnlyTheirShareOfSocketsAndGetsOneBackWhenOneCloses() {
        h = new CoreHarness(RoomLimits.defaults().withMaxSocketsPerUser(3));
        List<CoreHarness.Client> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CoreHarness.Client c = h.yws("r" + i, "scratch", "mallory", 10 + i);
            c.awaitFrames(1);
            mine.add(c);
        }

        CoreHarness.Client fourth = h.yws("r9", "scratch", "mallory", 20);
        CoreHarness.Client someoneElse = h.yws("r9", "scratch", "alice", 21);

        assertEquals(CloseCodes.TOO_MANY_MESSAGES, fourth.awaitClosed());
        assertTrue(fourth.socket.closeReason().contains("close other tabs"), fourth.socket.closeReason());
        someoneElse.awaitFrames(1);
        assertNull(someoneElse.socket.closeCode(), "another person is not affected");
        assertEquals(3, h.server.socketsOf("mallory"), "the refused one is not counted");
        mine.get(0).connection.closed();
        await().until(() -> h.server.socketsOf("mallory") == 2);
        CoreHarness.Client again = h.yws("r9", "scratch", "mallory", 22);
        again.awaitFrames(1);
        assertNull(again.socket.closeCode(), "a closed socket gives its place back");
    }

    @Test
    void syncRequestsBeyondTheRateGetNoAnswer() {
        h = new CoreHarness(RoomLimits.defaults().withSyncRequestsPerSecond(2));
        var c = h.yws("r1", "scratch", "paula|OBSERVER", 1);
        c.awaitFrames(1);
        byte[] step1 = Frames.yws(new SyncMessage.Step1(new YDoc(7).encodeStateVector()));

        for (int i = 0; i < 50; i++) {
            c.send(step1);
        }

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        long answers = c.syncMessages(null).stream().filter(m -> m instanceof SyncMessage.Step2).count();
        assertTrue(answers <= 5, "a burst of 4 and a little refill, not 50: " + answers);
        assertTrue(answers >= 1);
    }

    @Test
    void aSocketIsNotReadFurtherWhileTheLaneHoldsMoreThanOneMessageOfIt() throws Exception {
        h = new CoreHarness(RoomLimits.defaults());
        var c = h.yws("r1", "scratch", "alice", 1);
        c.awaitFrames(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        h.server.openRoom("r1").lane.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // A valid update of a quarter of the message cap, sent again and again (applied once, then known).
        int quarter = h.server.limits().maxMessageBytes() / 4;
        byte[] update = Frames.yws(new SyncMessage.Update(CoreHarness.edit(c.doc, d -> d.getText("t").insert(0, "x".repeat(quarter - 64)))));

        int accepted = 0;
        while (c.connection.readyForMore().isDone() && accepted < 100) {
            c.send(update);
            accepted++;
        }

        assertTrue(accepted >= 4 && accepted <= 6, "reading stops after about one message's worth queued: " + accepted);
        var waiting = c.connection.readyForMore();
        release.countDown();
        waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(c.connection.readyForMore().isDone(), "once the lane handled them, the socket is read again");
    }

    @Test
    void aSocketOverTheByteRateIsReadMoreSlowlyNotClosed() throws Exception {
        h = new CoreHarness(RoomLimits.defaults().withInboundBytesPerSecond(4 * 1024 * 1024));
        var c = h.yws("r1", "scratch", "alice", 1);
        c.awaitFrames(1);
        int quarter = h.server.limits().maxMessageBytes() / 4;
        byte[] update = Frames.yws(new SyncMessage.Update(CoreHarness.edit(c.doc, d -> d.getText("t").insert(0, "x".repeat(quarter - 64)))));

        // The burst is four messages of the cap (16 of these); two more put the socket 2 MiB in debt: half a second.
        for (int i = 0; i < 18; i++) {
            c.send(update);
        }
        var paidBack = c.connection.readyForMore();

        assertTrue(!paidBack.isDone(), "over the rate, the socket is not read on at once");
        long started = System.nanoTime();
        paidBack.get(10, java.util.concurrent.TimeUnit.SECONDS);
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waited >= 200, "read again only once the rate is paid back, after " + waited + " ms");
        assertNull(c.socket.closeCode(), "slowed, not closed");
    }
}
