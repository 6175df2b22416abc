package eu.vetnet.crdt.bench;

import eu.vetnet.crdt.Subscription;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The cases of bench.mjs on the Java engine: same cases, same parameters, same seeds, same metrics.
 * One API call is one transaction, as there. Unlike bench.mjs, every case also checks what it built
 * (outside the timed part), so a wrong engine cannot post a fast time.
 *
 * <p>Each case first runs unmeasured, at least {@code warmups} times and for at least
 * {@code warmupMillis} (C2 compiles a method after some 10,000 calls and loops; three runs of a
 * one-call case like B1.2 leave it interpreted), then {@code runs} times measured.
 */
final class JavaCases {

    static final String ENGINE = "java";

    /** bench.mjs: N = 6000, 20 room clients, 100 rounds. */
    record Params(int n, int runs, int warmups, long warmupMillis, int roomClients, int roomRounds) {

        static Params of(int runs, int warmups, long warmupMillis) {
            return new Params(6000, runs, warmups, warmupMillis, 20, 100);
        }
    }

    private final Params p;
    private final Consumer<BenchResult> out;
    private final Consumer<String> progress;

    JavaCases(Params params, Consumer<BenchResult> out, Consumer<String> progress) {
        this.p = params;
        this.out = out;
        this.progress = progress;
    }

    void run(String suite, Supplier<EditingTrace> trace) {
        switch (suite) {
            case "B1" -> b1();
            case "B2" -> b2();
            case "B3" -> b3();
            case "B4" -> b4(trace.get());
            default -> throw new IllegalArgumentException("unknown case " + suite + " (B1, B2, B3, B4)");
        }
    }

    // ---- the frame of B1-B3: warm up, measure, one result per metric ------------------------------

    private void measure(String kase, Supplier<Map<String, Double>> work) {
        progress.accept("java  " + kase + ": " + warmUp(work::get) + " warm-ups, " + p.runs() + " runs");
        Map<String, List<Double>> per = new LinkedHashMap<>();
        for (int r = 0; r < p.runs(); r++) {
            work.get().forEach((k, v) -> per.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        per.forEach((k, v) -> emit(kase, k, v));
    }

    /** Runs {@code work} unmeasured, at least {@code warmups} times and {@code warmupMillis} long; returns how often. */
    private int warmUp(Runnable work) {
        long end = System.nanoTime() + p.warmupMillis() * 1_000_000;
        int count = 0;
        while (count < p.warmups() || System.nanoTime() < end) {
            work.run();
            count++;
        }
        return count;
    }

    private void emit(String kase, String metric, List<Double> runs) {
        out.accept(BenchResult.of(ENGINE, kase, metric, runs));
    }

    /** The usual tail of a case: encode the doc, load the update into a fresh doc, which must then read the same. */
    private static Map<String, Double> encodeAndLoad(YDoc d, Map<String, Double> metrics) {
        long t0 = System.nanoTime();
        byte[] update = d.encodeStateAsUpdate();
        long t1 = System.nanoTime();
        YDoc fresh = new YDoc();
        fresh.applyUpdate(update);
        long t2 = System.nanoTime();
        check(content(fresh).equals(content(d)), "the loaded document differs from its source");
        metrics.put("encode_ms", ms(t1 - t0));
        metrics.put("update_bytes", (double) update.length);
        metrics.put("load_ms", ms(t2 - t1));
        return metrics;
    }

    // ---- B1: one user ---------------------------------------------------------------------------

    private void b1() {
        int n = p.n();
        String[] chars = new String[n];
        for (int i = 0; i < n; i++) {
            chars[i] = String.valueOf((char) ('a' + i % 26));
        }
        String all = String.join("", chars);
        String reversed = new StringBuilder(all).reverse().toString();
        StringBuilder atRandom = new StringBuilder();
        Mulberry32 model = new Mulberry32(7);
        for (int i = 0; i < n; i++) {
            atRandom.insert(model.below(i + 1), chars[i]);
        }
        textCase("B1.1 append N chars", all, (t, rnd) -> {
            for (int i = 0; i < n; i++) {
                t.insert(i, chars[i]);
            }
        });
        textCase("B1.2 insert string of N chars", all, (t, rnd) -> t.insert(0, String.join("", chars)));
        textCase("B1.3 prepend N chars", reversed, (t, rnd) -> {
            for (int i = 0; i < n; i++) {
                t.insert(0, chars[i]);
            }
        });
        textCase("B1.4 insert N chars at random positions", atRandom.toString(), (t, rnd) -> {
            for (int i = 0; i < n; i++) {
                t.insert(rnd.below(i + 1), chars[i]);
            }
        });
        textCase("B1.6 insert string of N chars, then delete it", "", (t, rnd) -> {
            t.insert(0, String.join("", chars));
            t.delete(0, n);
        });

        List<Object> ascending = IntStream.range(0, n).boxed().map(Object.class::cast).toList();
        List<Object> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        List<Object> arrayAtRandom = new ArrayList<>();
        Mulberry32 arrayModel = new Mulberry32(7);
        for (int i = 0; i < n; i++) {
            arrayAtRandom.add(arrayModel.below(i + 1), i);
        }
        arrayCase("B1.8 append N numbers", ascending, (a, rnd) -> {
            for (int i = 0; i < n; i++) {
                a.insert(i, List.of(i));
            }
        });
        arrayCase("B1.9 insert array of N numbers", ascending, (a, rnd) -> a.insert(0, ascending));
        arrayCase("B1.10 prepend N numbers", descending, (a, rnd) -> {
            for (int i = 0; i < n; i++) {
                a.insert(0, List.of(i));
            }
        });
        arrayCase("B1.11 insert N numbers at random positions", arrayAtRandom, (a, rnd) -> {
            for (int i = 0; i < n; i++) {
                a.insert(rnd.below(i + 1), List.of(i));
            }
        });
    }

    private interface Edit<T> {
        void apply(T type, Mulberry32 rnd);
    }

    private void textCase(String kase, String expected, Edit<YText> edit) {
        measure(kase, () -> {
            YDoc d = new YDoc(1);
            YText t = d.getText("text");
            Mulberry32 rnd = new Mulberry32(7);
            long t0 = System.nanoTime();
            edit.apply(t, rnd);
            long t1 = System.nanoTime();
            check(t.toString().equals(expected), kase + ": wrong text");
            return encodeAndLoad(d, metrics("apply_ms", ms(t1 - t0)));
        });
    }

    private void arrayCase(String kase, List<Object> expected, Edit<YArray> edit) {
        measure(kase, () -> {
            YDoc d = new YDoc(1);
            YArray a = d.getArray("array");
            Mulberry32 rnd = new Mulberry32(7);
            long t0 = System.nanoTime();
            edit.apply(a, rnd);
            long t1 = System.nanoTime();
            check(normal(a.toList()).equals(normal(expected)), kase + ": wrong array");
            return encodeAndLoad(d, metrics("apply_ms", ms(t1 - t0)));
        });
    }

    // ---- B2: two users edit concurrently, then exchange their full states once ----------------------

    private void b2() {
        int n = p.n();
        concurrent("B2.1 both insert N chars at random positions, then sync", d -> d.getText("text").length() == 2 * n,
                (d, rnd) -> {
                    YText t = d.getText("text");
                    for (int i = 0; i < n; i++) {
                        t.insert(rnd.below(i + 1), "x");
                    }
                });
        concurrent("B2.2 both insert N words at random positions, then sync", d -> d.getText("text").length() == 10 * n,
                (d, rnd) -> {
                    YText t = d.getText("text");
                    int len = 0;
                    for (int i = 0; i < n; i++) {
                        t.insert(rnd.below(len + 1), "word ");
                        len += 5;
                    }
                });
        concurrent("B2.3 both set one map key N times, then sync",
                d -> ((Number) d.getMap("map").get("k")).intValue() == n - 1,
                (d, rnd) -> {
                    YMap m = d.getMap("map");
                    for (int i = 0; i < n; i++) {
                        m.set("k", i);
                    }
                });
        concurrent("B2.4 both append N numbers to an array, then sync", d -> d.getArray("array").length() == 2 * n,
                (d, rnd) -> {
                    YArray a = d.getArray("array");
                    for (int i = 0; i < n; i++) {
                        a.insert(i, List.of(i));
                    }
                });
    }

    private void concurrent(String kase, java.util.function.Predicate<YDoc> synced, Edit<YDoc> edit) {
        measure(kase, () -> {
            YDoc a = new YDoc(1);
            YDoc b = new YDoc(2);
            Mulberry32 rnd = new Mulberry32(11); // one generator for both users, as in bench.mjs
            long t0 = System.nanoTime();
            edit.apply(a, rnd);
            edit.apply(b, rnd);
            long t1 = System.nanoTime();
            byte[] ua = a.encodeStateAsUpdate();
            byte[] ub = b.encodeStateAsUpdate();
            long t2 = System.nanoTime();
            a.applyUpdate(ub);
            b.applyUpdate(ua);
            long t3 = System.nanoTime();
            check(content(a).equals(content(b)) && synced.test(a), kase + ": the two users did not converge");
            Map<String, Double> m = metrics("apply_ms", ms(t1 - t0));
            m.put("sync_ms", ms(t3 - t2));
            return encodeAndLoad(a, m);
        });
    }

    // ---- B3: many users make one change each; one document receives all their updates --------------

    static int b3Clients(int n) {
        return (int) Math.round(20 * Math.sqrt(n)); // 1549 clients for N = 6000
    }

    private void b3() {
        int clients = b3Clients(p.n());
        int textLength = 0;
        for (int c = 0; c < clients; c++) {
            textLength += ("c" + c + " ").length();
        }
        int expectedText = textLength;
        many("B3.1 " + clients + " clients set a map key each, then sync", clients,
                d -> d.getMap("map").size() == clients, (d, c) -> d.getMap("map").set("k" + c, c));
        many("B3.3 " + clients + " clients insert text at the start, then sync", clients,
                d -> d.getText("text").length() == expectedText, (d, c) -> d.getText("text").insert(0, "c" + c + " "));
        many("B3.4 " + clients + " clients append a number to an array, then sync", clients,
                d -> d.getArray("array").length() == clients, (d, c) -> d.getArray("array").insert(0, List.of(c)));
    }

    private interface ClientEdit {
        void apply(YDoc doc, int client);
    }

    private void many(String kase, int clients, java.util.function.Predicate<YDoc> complete, ClientEdit edit) {
        measure(kase, () -> {
            List<byte[]> updates = new ArrayList<>(clients);
            for (int c = 0; c < clients; c++) {
                YDoc d = new YDoc(c + 1);
                edit.apply(d, c);
                updates.add(d.encodeStateAsUpdate());
            }
            YDoc target = new YDoc(100000);
            long t0 = System.nanoTime();
            for (byte[] u : updates) {
                target.applyUpdate(u);
            }
            long t1 = System.nanoTime();
            check(complete.test(target), kase + ": the target misses updates");
            return encodeAndLoad(target, metrics("apply_ms", ms(t1 - t0)));
        });
    }

    // ---- B4: the automerge-paper trace ----------------------------------------------------------------

    private void b4(EditingTrace trace) {
        // Replay: one transaction per edit and no update listener, as bench.mjs replays.
        YDoc[] warmDoc = new YDoc[1];
        int replays = warmUp(() -> warmDoc[0] = replay(trace));
        int encodes = warmDoc[0] == null ? 0 : warmUp(warmDoc[0]::encodeStateAsUpdate);
        progress.accept("java  B4 replay of " + trace.edits().size() + " edits: " + replays + " warm-ups (encode: " + encodes
                + "), " + p.runs() + " runs");
        warmDoc[0] = null;
        List<Double> replayRuns = new ArrayList<>();
        List<Double> encodeRuns = new ArrayList<>();
        byte[] update = null;
        for (int r = 0; r < p.runs(); r++) {
            long t0 = System.nanoTime();
            YDoc d = replay(trace);
            long t1 = System.nanoTime();
            replayRuns.add(ms(t1 - t0));
            check(d.getText("text").toString().equals(trace.endContent()), "B4 replay does not reach endContent");
            long t2 = System.nanoTime();
            update = d.encodeStateAsUpdate();
            encodeRuns.add(ms(System.nanoTime() - t2));
        }
        emit("B4", "replay_ms", replayRuns);
        emit("B4", "encode_ms", encodeRuns);
        emit("B4", "update_bytes", List.of((double) update.length));

        // Load, as bench.mjs measures it: "cold" is the first load of this update in this process (the
        // apply path has run in B1-B3 and B2's syncs if they ran first, not on this update); the warm-ups
        // above replayed and encoded, they never loaded. "Warm" loads come after their own warm-up.
        byte[] u = update;
        List<Double> cold = List.of(loadOnce(u, trace));
        progress.accept("java  B4 load: " + warmUp(() -> loadOnce(u, trace)) + " warm-ups; heap held by the loaded document");
        List<Double> warm = new ArrayList<>();
        for (int r = 0; r < Math.max(p.runs(), 5); r++) {
            warm.add(loadOnce(u, trace));
        }
        emit("B4", "load_cold_ms", cold);
        emit("B4", "load_warm_ms", warm);

        List<Double> heap = new ArrayList<>();
        for (int r = 0; r < p.runs(); r++) {
            heap.add((double) HeapMeter.retainedBy(() -> {
                YDoc d = new YDoc();
                d.applyUpdate(u);
                return d;
            }, d -> check(d.getText("text").length() == trace.endContent().length(), "loaded doc lost text")));
        }
        emit("B4", "heap_loaded_bytes", heap);

        int[] seed = {0};
        int rooms = warmUp(() -> room(++seed[0] % 1000 + 1));
        progress.accept("java  B4 room of " + p.roomClients() + " clients: " + rooms + " warm-ups, " + p.runs() + " runs");
        List<Double> perUpdate = new ArrayList<>();
        for (int r = 0; r < p.runs(); r++) {
            perUpdate.add(room(r + 1));
        }
        emit("B4", "room_remote_update_us", perUpdate);
    }

    private static YDoc replay(EditingTrace trace) {
        YDoc d = new YDoc(1);
        YText t = d.getText("text");
        for (EditingTrace.Edit e : trace.edits()) {
            if (e.delete() > 0) {
                t.delete(e.pos(), e.delete());
            }
            if (!e.insert().isEmpty()) {
                t.insert(e.pos(), e.insert());
            }
        }
        return d;
    }

    private static double loadOnce(byte[] update, EditingTrace trace) {
        YDoc d = new YDoc();
        long t0 = System.nanoTime();
        d.applyUpdate(update);
        long t1 = System.nanoTime();
        check(d.getText("text").toString().equals(trace.endContent()), "B4 load does not give endContent");
        return ms(t1 - t0);
    }

    /**
     * A room document receiving the updates of {@code roomClients} clients, each inserting "ab " at a
     * random position of its own copy of one shared text; the clients catch up with the room every 10
     * rounds. Returns the median cost of applying one client's update into the room, in microseconds.
     */
    private double room(int seed) {
        YDoc room = new YDoc(1000);
        List<YDoc> clients = new ArrayList<>();
        for (int i = 0; i < p.roomClients(); i++) {
            clients.add(new YDoc(i + 1));
        }
        Mulberry32 rnd = new Mulberry32(seed);
        List<Double> samples = new ArrayList<>();
        for (int round = 0; round < p.roomRounds(); round++) {
            for (YDoc c : clients) {
                YText t = c.getText("text");
                int len = t.length();
                byte[][] update = new byte[1][];
                Subscription obs = c.onUpdate((bytes, origin, txn) -> update[0] = bytes);
                t.insert(rnd.below(len + 1), "ab ");
                obs.close();
                long t0 = System.nanoTime();
                room.applyUpdate(update[0]);
                samples.add((System.nanoTime() - t0) / 1e3);
            }
            if (round % 10 == 9) {
                for (YDoc c : clients) {
                    c.applyUpdate(room.encodeStateAsUpdate(c.encodeStateVector()));
                }
            }
        }
        String text = room.getText("text").toString();
        check(text.length() == 3 * p.roomClients() * p.roomRounds(), "the room misses updates");
        if (p.roomRounds() % 10 == 0) {
            for (YDoc c : clients) {
                check(c.getText("text").toString().equals(text), "a client did not catch up with the room");
            }
        }
        Reference.reachabilityFence(clients);
        return BenchResult.median(samples);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /**
     * What the cases write, read back: the three roots they use, as equals-comparable values. Map
     * entries compare regardless of order (a doc's map keeps the order its keys arrived in), numbers by
     * value (the engine hands back the Integer it was given, and a Long after decoding).
     */
    static List<Object> content(YDoc d) {
        return List.of(d.getText("text").toString(), normal(d.getArray("array").toJson()), normal(d.getMap("map").toJson()));
    }

    private static Object normal(Object json) {
        if (json instanceof Map<?, ?> m) {
            Map<Object, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(k, normal(v)));
            return sorted;
        }
        if (json instanceof List<?> xs) {
            return xs.stream().map(JavaCases::normal).toList();
        }
        if (json instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        return json;
    }

    private static Map<String, Double> metrics(String key, double value) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark case went wrong: " + what);
        }
    }
}
