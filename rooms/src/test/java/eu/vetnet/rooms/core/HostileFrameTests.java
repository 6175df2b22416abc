package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.protocol.AwarenessUpdate;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.crdt.types.YMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Garbage, truncated and bit-flipped frames on both protocols: only the offender is closed, nothing invalid is applied. */
class HostileFrameTests {

    private CoreHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    @ParameterizedTest(name = "y-websocket frame {0} closes the socket with 4400")
    @ValueSource(strings = {"", "ff", "ffffffffffffffffffffff", "00", "0002", "0002ffffffff0f", "09", "000205010203", "0100"})
    void garbageOnYWebsocketClosesOnlyTheOffender(String frame) {
        h = new CoreHarness();
        var good = h.yws("r1", "scratch", "alice", 1);
        var bad = h.yws("r1", "scratch", "mallory", 2);
        good.awaitFrames(1);
        bad.awaitFrames(1);
        bad.send(hex(frame));
        assertEquals(CloseCodes.BAD_MESSAGE, bad.awaitClosed());
        good.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(good.doc, d -> d.getText("t").insert(0, "fine")))));
        await().until(() -> "fine".equals(h.json("r1", "scratch", d -> d.getText("t").toString()).get("value")));
        assertNull(good.socket.closeCode());
    }

    @ParameterizedTest(name = "Hocuspocus frame {0} closes the socket with 4400")
    @ValueSource(strings = {"", "ff", "ffffffffffffffffffffff", "00", "0773637261746368", "077363726174636809",
            "07736372617463680201", "0773637261746368000205010203"})
    void garbageOnHocuspocusClosesOnlyTheOffender(String frame) {
        h = new CoreHarness();
        var bad = h.hocuspocus("r1", 2);
        bad.send(Frames.hpAuth("scratch", "mallory"));
        bad.send(hex(frame));
        assertEquals(CloseCodes.BAD_MESSAGE, bad.awaitClosed());
    }

    @Test
    void aTextFrameClosesTheSocket() {
        h = new CoreHarness();
        var c = h.yws("r1", "scratch", "alice", 1);
        c.connection.receiveText("hello");
        assertEquals(CloseCodes.BAD_MESSAGE, c.awaitClosed());
    }

    @Test
    void aFrameOverTheMessageCapClosesWith1009() {
        h = new CoreHarness();
        var c = h.yws("r1", "scratch", "alice", 1);
        c.send(new byte[RoomLimits.DEFAULT_MAX_MESSAGE_BYTES + 1]);
        assertEquals(CloseCodes.MESSAGE_TOO_BIG, c.awaitClosed());
    }

    @Test
    void anOversizedAwarenessStateClosesWith4413() {
        h = new CoreHarness();
        var c = h.yws("r1", "scratch", "alice", 1);
        c.awaitFrames(1);
        String big = "x".repeat(RoomLimits.DEFAULT_MAX_AWARENESS_STATE_BYTES + 10);
        c.send(Frames.ywsAwareness(new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(1, 1, Map.of("big", big)))).encode()));
        assertEquals(CloseCodes.TOO_LARGE, c.awaitClosed());
    }

    /**
     * Real messages (a board edit, a text edit, an awareness update) mutated by seeded bit flips and
     * truncation, each on a fresh socket: whatever happens to the offender, the server applies only what
     * decodes, never fails internally, and a well-behaved client still converges with it.
     */
    @Test
    void seededMutationsOfRealMessagesNeverCorruptTheRoom() {
        h = new CoreHarness();
        YDoc author = new YDoc(77);
        List<byte[]> real = new ArrayList<>();
        real.add(Frames.yws(new SyncMessage.Update(CoreHarness.edit(author, d -> d.getText("t").insert(0, "hello world")))));
        real.add(Frames.yws(new SyncMessage.Update(CoreHarness.edit(author, d -> {
            YMap n = new YMap();
            n.set("owner", "mallory");
            n.set("text", "note");
            n.set("votes", new YMap());
            d.getMap("objects").set("n1", n);
        }))));
        real.add(Frames.yws(new SyncMessage.Update(CoreHarness.edit(author, d -> d.getText("t").delete(2, 4)))));
        real.add(Frames.yws(new SyncMessage.Step2(author.encodeStateAsUpdate())));
        real.add(Frames.ywsAwareness(new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(77, 3, Map.of("cursor", 5)))).encode()));
        Random random = new Random(20261128L);
        Set<Integer> allowed = Set.of(CloseCodes.BAD_MESSAGE, CloseCodes.TOO_LARGE);
        var observer = h.yws("r1", "scratch", "watcher", 500);
        for (int round = 0; round < 300; round++) {
            byte[] frame = real.get(random.nextInt(real.size())).clone();
            switch (random.nextInt(3)) {
                case 0 -> frame = Arrays.copyOf(frame, random.nextInt(frame.length));
                case 1 -> {
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        int bit = random.nextInt(frame.length * 8);
                        frame[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                }
                default -> {
                    int at = random.nextInt(frame.length);
                    frame[at] = (byte) random.nextInt(256);
                }
            }
            var mallory = h.yws("r1", "scratch", "mallory", 1000 + round);
            for (byte[] f : real.subList(0, random.nextInt(2))) {
                mallory.send(f);
            }
            mallory.send(frame);
            mallory.send(Frames.yws(new SyncMessage.Step1(new byte[] {0})));
            int r = round;
            await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10)).until(() -> mallory.socket.closeCode() != null
                    || mallory.syncMessages(null).stream().filter(m -> m instanceof SyncMessage.Step2).count() >= 1);
            Integer code = mallory.socket.closeCode();
            assertTrue(code == null || allowed.contains(code), "round " + r + " closed with " + code + ": " + mallory.socket.closeReason());
            mallory.connection.close(CloseCodes.NORMAL, "done");
        }
        // The room still works: a fresh client's step 1 is answered with a state that decodes and matches the server's.
        var late = h.yws("r1", "scratch", "late", 9999);
        late.send(Frames.yws(new SyncMessage.Step1(new byte[] {0})));
        await().until(() -> late.syncMessages(null).stream().anyMatch(m -> m instanceof SyncMessage.Step2));
        String server = h.json("r1", "scratch", d -> d.getText("t").toString()).get("value");
        assertEquals(server, late.replica("scratch").getText("t").toString());
        assertEquals(0, h.server.stats().serverCloses().getOrDefault(CloseCodes.INTERNAL_ERROR, 0L));
        assertNull(observer.socket.closeCode());
    }
}
