package eu.vetnet.crdt.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.differential.JavaReplica;
import eu.vetnet.crdt.differential.Wire;
import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.oracle.RandomOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real updates, mutated by seeded bit flips, truncation, insertion and deletion of bytes: applying them
 * never hangs, never throws anything but {@link DecodingException}, and an update that is refused leaves
 * the document exactly as it was. One that is accepted leaves a document that still encodes and reloads.
 */
class HostileInputTests {

    private static final int CASES = Integer.getInteger("crdt.fuzzCases", 20_000);

    /** Real updates: single edits of several users and whole states, from seeded random sessions. */
    private static List<byte[]> corpus(long seed) {
        return corpus(seed, true);
    }

    /**
     * With {@code formatting}, replicas also run Yjs's local formatting clean-up after remote changes, whose
     * result depends on arrival order (in yjs too); order-independence is checked without it.
     */
    private static List<byte[]> corpus(long seed, boolean formatting) {
        List<byte[]> out = new ArrayList<>();
        Random rnd = new Random(seed);
        List<JavaReplica> users = List.of(new JavaReplica(1, true), new JavaReplica(2, true), new JavaReplica(3, false));
        RandomOps ops = new RandomOps(new Random(seed + 1), formatting);
        for (int i = 0; i < 150; i++) {
            JavaReplica u = users.get(rnd.nextInt(users.size()));
            byte[] update = u.op(ops.next(u.json()));
            u.drainEmitted();
            if (update != null) {
                out.add(update);
                for (JavaReplica other : users) {
                    if (other != u && rnd.nextBoolean()) {
                        other.apply(update);
                        other.drainEmitted();
                    }
                }
            }
        }
        for (JavaReplica u : users) {
            out.add(u.doc().encodeStateAsUpdate());
        }
        return out;
    }

    private static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        switch (rnd.nextInt(6)) {
            case 0 -> { // flip one to three bits
                int flips = 1 + rnd.nextInt(3);
                for (int i = 0; i < flips && b.length > 0; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // truncate
            }
            case 2 -> { // random byte replaced
                if (b.length > 0) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            }
            case 3 -> { // a byte inserted
                int at = rnd.nextInt(b.length + 1);
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = (byte) rnd.nextInt(256);
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            }
            case 4 -> { // a byte removed
                if (b.length == 0) {
                    return b;
                }
                int at = rnd.nextInt(b.length);
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            }
            default -> { // a run of 0xFF: an endless varint
                int at = rnd.nextInt(b.length + 1);
                int run = 1 + rnd.nextInt(12);
                byte[] out = Arrays.copyOf(b, Math.max(b.length, at + run));
                Arrays.fill(out, at, at + run, (byte) 0xFF);
                return out;
            }
        }
    }

    @Test
    void mutatedRealUpdatesAreRefusedCleanlyOrApplyConsistently() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            List<byte[]> corpus = corpus(42);
            Random rnd = new Random(7);
            // a document with content that mutated updates land on
            JavaReplica base = new JavaReplica(99, true);
            for (int i = 0; i < corpus.size() / 2; i++) {
                base.apply(corpus.get(i));
            }
            byte[] baseState = base.doc().encodeStateAsUpdate();
            int refused = 0;
            int applied = 0;
            for (int c = 0; c < CASES; c++) {
                byte[] bad = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
                YDoc doc = new YDoc(YDoc.Options.defaults().withClientId(99));
                if (c % 2 == 0) {
                    doc.applyUpdate(baseState);
                }
                byte[] before = doc.encodeStateAsUpdate();
                long started = System.nanoTime();
                try {
                    if (Boolean.getBoolean("crdt.fuzzTrace")) {
                        System.err.println("CASE " + c + " " + java.util.HexFormat.of().formatHex(bad));
                    }
                    doc.applyUpdate(bad);
                    applied++;
                    // still a valid document: its state encodes and reloads. When nothing waits pending,
                    // the reload has the same state vector. (A pending struct that overlaps known clocks is
                    // re-anchored by Yjs's merge when the state is encoded, in yjs as here.)
                    byte[] after = doc.encodeStateAsUpdate();
                    YDoc reloaded = new YDoc(5);
                    reloaded.applyUpdate(after);
                    if (doc.store().pendingStructs() == null) {
                        assertArrayEquals(doc.encodeStateVector(), reloaded.encodeStateVector(), "case " + c);
                    }
                } catch (DecodingException expected) {
                    refused++;
                    assertArrayEquals(before, doc.encodeStateAsUpdate(), "case " + c + ": a refused update changed the document");
                } catch (RuntimeException | StackOverflowError other) {
                    throw new AssertionError("case " + c + " threw " + other + " for " + Arrays.toString(bad), other);
                }
            }
            assertEquals(CASES, refused + applied);
            assertTrue(refused > CASES / 4, "most mutations should be refused, got " + refused);
        });
    }

    @Test
    void garbageFramesAreDecodingErrors() {
        YDoc doc = new YDoc(1);
        doc.getText("t").insert(0, "keep me");
        byte[] before = doc.encodeStateAsUpdate();
        for (byte[] garbage : List.of(new byte[0], new byte[] {(byte) 0xFF}, "hello".getBytes(),
                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                new byte[] {1, 1, 5, 0, (byte) 0x84, 1, 0, 0x7F})) {
            assertThrows(DecodingException.class, () -> doc.applyUpdate(garbage), Arrays.toString(garbage));
        }
        assertArrayEquals(before, doc.encodeStateAsUpdate());
        assertEquals("keep me", doc.getText("t").toString());
    }

    @Test
    void theSameUpdatesReplayedThreeTimesShuffledGiveTheSameState() {
        List<byte[]> corpus = corpus(5, false);
        JavaReplica inOrder = new JavaReplica(50, true);
        corpus.forEach(inOrder::apply);
        List<byte[]> thrice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            thrice.addAll(corpus);
        }
        java.util.Collections.shuffle(thrice, new Random(3));
        JavaReplica shuffled = new JavaReplica(50, true);
        thrice.forEach(shuffled::apply);
        assertEquals(Wire.normalize(inOrder.json()), Wire.normalize(shuffled.json()));
        assertArrayEquals(inOrder.doc().encodeStateVector(), shuffled.doc().encodeStateVector());
        assertEquals(null, shuffled.doc().store().pendingStructs(), "everything arrived, nothing may wait");
    }
}
