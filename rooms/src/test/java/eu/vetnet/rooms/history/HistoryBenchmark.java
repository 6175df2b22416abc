package eu.vetnet.rooms.history;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.core.Socket;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.StorePayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.policy.DocumentPolicy;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import eu.vetnet.rooms.web.RoomsProperties;
import eu.vetnet.testkit.LocalServices;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history's costs on the embedded Cassandra, printed as a table (docs/history-and-presence.md):
 * appends per second with and without group commit; broadcast latency through the real room server core with
 * history on and off, interleaved in one run; loading the B4 document (automerge-paper trace) cold from snapshot +
 * log. Run: {@code mvn -o -pl rooms test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=eu.vetnet.rooms.history.HistoryBenchmark} (Cassandra is started through the launcher).
 */
public final class HistoryBenchmark {

    public static void main(String[] args) throws Exception {
        List<String[]> table = new ArrayList<>();
        try (HistoryFixture fixture = new HistoryFixture()) {
            appends(fixture, table);
        }
        HistoryProperties unbatched = new HistoryProperties();
        unbatched.setGroupCommitMaxUpdates(1);
        try (HistoryFixture fixture = new HistoryFixture(unbatched)) {
            appendsNamed(fixture, table, "appends/s, no group commit (1 per write), 8 writers");
        }
        try (HistoryFixture fixture = new HistoryFixture()) {
            broadcast(fixture, table);
        }
        try (HistoryFixture fixture = new HistoryFixture()) {
            b4(fixture, table);
        }
        System.out.println();
        System.out.printf("%-62s %14s%n", "measure (embedded Cassandra 5.0, 2 cores, consistency ONE)", "value");
        System.out.println("-".repeat(77));
        for (String[] row : table) {
            System.out.printf("%-62s %14s%n", row[0], row[1]);
        }
        System.exit(0);
    }

    private static void appends(HistoryFixture f, List<String[]> table) throws Exception {
        appendsNamed(f, table, "appends/s, group commit (2 in flight, max 64), 8 writers");
        long[] stats = f.updateLog.groupStats();
        table.add(new String[] {"  appends per group commit (mean)", String.format("%.1f", (double) stats[1] / stats[0])});
    }

    private static void appendsNamed(HistoryFixture f, List<String[]> table, String name) throws Exception {
        byte[] update = sampleUpdate();
        int writers = 8;
        int total = 40_000;
        run(f, update, writers, 4_000); // warm-up
        long t0 = System.nanoTime();
        run(f, update, writers, total);
        double seconds = (System.nanoTime() - t0) / 1e9;
        table.add(new String[] {name, String.format("%,.0f", total / seconds)});
    }

    /** {@code writers} rooms, each keeping up to 64 appends in flight (a busy room's lane does the same). */
    private static void run(HistoryFixture f, byte[] update, int writers, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String room = "bench-" + UUID.randomUUID();
            done.add(CompletableFuture.runAsync(() -> {
                Semaphore window = new Semaphore(64);
                for (int i = 0; i < total / writers; i++) {
                    window.acquireUninterruptibly();
                    f.history.onChange(new ChangePayload(room, "notes", update, null))
                            .whenComplete((v, e) -> window.release());
                }
                window.acquireUninterruptibly(64);
            }, pool));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        pool.shutdown();
    }

    private static byte[] sampleUpdate() {
        YDoc doc = new YDoc();
        byte[][] last = new byte[1][];
        doc.onUpdate((u, o, t) -> last[0] = u);
        doc.getText("text").insert(0, "a keystroke");
        return last[0];
    }

    /** Sets every connection's user and makes them facilitators: the benchmark measures storage, not policy. */
    private static final class Everyone implements RoomHook {
        @Override
        public int priority() {
            return 1000;
        }

        @Override
        public CompletableFuture<Void> onAuthenticate(AuthenticatePayload payload) {
            payload.context().user(new RoomUser(payload.token(), payload.token(), payload.token(), Set.of(), null));
            payload.context().role(RoomRole.FACILITATOR);
            return DONE;
        }
    }

    /** A socket that counts the sync updates it receives. */
    private static final class CountingSocket implements Socket {
        final Semaphore updates = new Semaphore(0);
        final Semaphore opened = new Semaphore(0);

        @Override
        public void send(byte[] frame) {
            if (frame.length > 1 && frame[0] == 0 && frame[1] == 2) {
                updates.release();
            } else if (frame.length > 1 && frame[0] == 0 && frame[1] == 0) {
                opened.release();
            }
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    private static void broadcast(HistoryFixture f, List<String[]> table) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        RoomServer off = new RoomServer(new RoomsProperties().getLimits().toLimits(), List.of(new Everyone()),
                d -> DocumentPolicy.OPEN, workers, timer);
        RoomServer on = new RoomServer(new RoomsProperties().getLimits().toLimits(), List.of(new Everyone(), f.history),
                d -> DocumentPolicy.OPEN, workers, timer);
        List<Long> onSamples = new ArrayList<>();
        List<Long> offSamples = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            // Interleaved blocks: both see the same JIT, GC and Cassandra state.
            List<Long> on1 = latencies(on, 500);
            List<Long> off1 = latencies(off, 500);
            if (round > 0) {
                onSamples.addAll(on1);
                offSamples.addAll(off1);
            }
        }
        long p50on = percentile(onSamples, 50);
        long p99on = percentile(onSamples, 99);
        long p50off = percentile(offSamples, 50);
        long p99off = percentile(offSamples, 99);
        table.add(new String[] {"broadcast latency p50, history off / on (us)", p50off + " / " + p50on});
        table.add(new String[] {"broadcast latency p99, history off / on (us)", p99off + " / " + p99on});
        table.add(new String[] {"  history cost at p99 (ms), goal <= 5", String.format("%.2f", (p99on - p99off) / 1000.0)});
        workers.shutdownNow();
        timer.shutdownNow();
    }

    /** One update at a time from A; the time until B received it. */
    private static List<Long> latencies(RoomServer server, int n) throws Exception {
        String room = "bench-" + UUID.randomUUID();
        CountingSocket a = new CountingSocket();
        CountingSocket b = new CountingSocket();
        var ca = server.connect(a, YWebsocketProtocol.INSTANCE, room, "notes", "alice");
        server.connect(b, YWebsocketProtocol.INSTANCE, room, "notes", "bob");
        a.opened.tryAcquire(30, TimeUnit.SECONDS);
        b.opened.tryAcquire(30, TimeUnit.SECONDS);
        YDoc doc = new YDoc();
        List<byte[]> frames = new ArrayList<>();
        doc.onUpdate((u, o, t) -> {
            Lib0Writer w = new Lib0Writer();
            w.writeVarUint(0);
            w.writeVarUint(2);
            w.writeVarUint8Array(u);
            frames.add(w.toByteArray());
        });
        for (int i = 0; i < n; i++) {
            doc.getText("text").insert(doc.getText("text").length(), "k");
        }
        List<Long> out = new ArrayList<>(n);
        for (byte[] frame : frames) {
            long t0 = System.nanoTime();
            ca.receive(frame);
            if (!b.updates.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no broadcast within 10 s");
            }
            out.add((System.nanoTime() - t0) / 1000);
        }
        return out;
    }

    private static long percentile(List<Long> samples, int p) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void b4(HistoryFixture f, List<String[]> table) throws Exception {
        Path trace = LocalServices.repositoryRoot().resolve("crdt/src/test/resources/bench/automerge-paper.json.gz");
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(trace))) {
            root = JsonMapper.builder().build().readTree(in);
        }
        String room = "b4-" + UUID.randomUUID();
        YDoc doc = new YDoc();
        List<byte[]> updates = new ArrayList<>();
        doc.onUpdate((u, o, t) -> updates.add(u));
        List<int[]> pending = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        int edits = 0;
        for (JsonNode txn : root.get("txns")) {
            for (JsonNode patch : txn.get("patches")) {
                pending.add(new int[] {patch.get(0).asInt(), patch.get(1).asInt()});
                inserts.add(patch.get(2).asString());
                edits++;
            }
            if (pending.size() == 100) {
                flushEdits(doc, pending, inserts);
            }
        }
        flushEdits(doc, pending, inserts);
        if (!doc.getText("text").toString().equals(root.get("endContent").asString())) {
            throw new IllegalStateException("B4 replay does not end in the trace's endContent");
        }
        // Everything but the last 500 updates goes into the log and a snapshot; the last 500 stay in the log only.
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        int split = updates.size() - 500;
        for (int i = 0; i < updates.size(); i++) {
            if (i == split) {
                CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();
                // The state a room server would store at this point: the document with the updates so far.
                YDoc atSplit = new YDoc();
                updates.subList(0, split).forEach(atSplit::applyUpdate);
                f.history.onStoreDocument(new StorePayload(room, "board", atSplit.encodeStateAsUpdate())).toCompletableFuture().join();
            }
            stored.add(f.history.onChange(new ChangePayload(room, "board", updates.get(i), null)).toCompletableFuture());
        }
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();
        byte[] expected = doc.encodeStateVector();
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            // A new CassandraHistory each time: nothing of the room is in this JVM's memory.
            try (HistoryFixture cold = new HistoryFixture()) {
                YDoc loaded = new YDoc();
                long t0 = System.nanoTime();
                cold.history.onLoadDocument(new LoadPayload(room, "board", loaded)).toCompletableFuture().join();
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                if (!Arrays.equals(expected, loaded.encodeStateVector())) {
                    throw new IllegalStateException("B4 loaded from Cassandra differs from the original");
                }
            }
        }
        long t0 = System.nanoTime();
        HistoryReads.Stored stored2 = HistoryReads.load(f.statements(), room, "board").toCompletableFuture().join();
        long readMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        YDoc applied = new YDoc();
        stored2.updates().forEach(applied::applyUpdate);
        long applyMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        new YDoc().applyUpdate(eu.vetnet.crdt.Updates.mergeUpdates(stored2.updates()));
        long mergedMs = (System.nanoTime() - t0) / 1_000_000;
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        table.add(new String[] {"B4 (" + edits + " edits, " + updates.size() + " updates, "
                + doc.encodeStateAsUpdate().length / 1024 + " KiB) load, snapshot + 500 log rows", ""});
        table.add(new String[] {"  first / median of 5 loads (ms), goal < 200", ms[0] + " / " + sorted[2]});
        table.add(new String[] {"  of which: read " + stored2.log().size() + " rows + snapshot / apply (ms)", readMs + " / " + applyMs});
        table.add(new String[] {"  (merge to one update, then apply (ms))", String.valueOf(mergedMs)});
    }

    private static void flushEdits(YDoc doc, List<int[]> pending, List<String> inserts) {
        if (pending.isEmpty()) {
            return;
        }
        doc.transact(t -> {
            for (int i = 0; i < pending.size(); i++) {
                int[] p = pending.get(i);
                if (p[1] > 0) {
                    doc.getText("text").delete(p[0], p[1]);
                }
                if (!inserts.get(i).isEmpty()) {
                    doc.getText("text").insert(p[0], inserts.get(i));
                }
            }
        });
        pending.clear();
        inserts.clear();
    }
}
