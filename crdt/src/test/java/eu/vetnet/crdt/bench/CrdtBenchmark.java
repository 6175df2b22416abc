package eu.vetnet.crdt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The crdt benchmark of issue 3 in one run: the cases of bench.mjs (after dmonad/crdt-benchmarks) on
 * yjs and ywasm under Node, spawned from here, then on this engine, in this JVM; one table of medians
 * and ratios on stdout and in {@code crdt/target/bench-results.md}. Progress goes to stderr.
 *
 * <pre>
 *   crdt/bench.sh [--runs=5] [--cases=B1,B2,B3,B4] [--engines=java,yjs,ywasm] [--warmups=3] [--warmup-ms=1000]
 * </pre>
 *
 * The two halves run one after the other, never at once, so they do not compete for the machine.
 */
public final class CrdtBenchmark {

    private static final List<String> ALL_ENGINES = List.of("java", "yjs", "ywasm");
    private static final List<String> ALL_CASES = List.of("B1", "B2", "B3", "B4");

    private final Instant start = Instant.now();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) {
        new CrdtBenchmark().run(Options.parse(args));
    }

    record Options(int runs, int warmups, long warmupMillis, List<String> engines, List<String> cases, String node, Path moduleDir, Path out,
            String engineRev) {

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (String arg : args) {
                if (arg.equals("-h") || arg.equals("--help")) {
                    System.out.println("crdt/bench.sh [--runs=5] [--cases=B1,B2,B3,B4] [--engines=java,yjs,ywasm] [--warmups=3]"
                            + " [--warmup-ms=1000] [--node=node] [--out=crdt/target/bench-results.md]");
                    System.exit(0);
                }
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("options are --name=value, got " + arg + " (try --help)");
                }
                a.put(kv[0], kv[1]);
            }
            Path module = a.containsKey("module") ? Path.of(a.remove("module")) : findModule();
            Options o = new Options(Integer.parseInt(a.getOrDefault("runs", "5")), Integer.parseInt(a.getOrDefault("warmups", "3")),
                    Long.parseLong(a.getOrDefault("warmup-ms", "1000")),
                    list(a.getOrDefault("engines", String.join(",", ALL_ENGINES)), ALL_ENGINES),
                    list(a.getOrDefault("cases", String.join(",", ALL_CASES)), ALL_CASES), a.getOrDefault("node", "node"), module,
                    Path.of(a.getOrDefault("out", module.resolve("target/bench-results.md").toString())),
                    a.getOrDefault("engine-rev", "unknown"));
            a.keySet().removeAll(List.of("runs", "warmups", "warmup-ms", "engines", "cases", "node", "out", "engine-rev"));
            if (!a.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + a.keySet() + " (try --help)");
            }
            if (o.runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1");
            }
            return o;
        }

        private static List<String> list(String csv, List<String> allowed) {
            List<String> xs = Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (String x : xs) {
                if (!allowed.contains(x)) {
                    throw new IllegalArgumentException(x + " is not one of " + allowed);
                }
            }
            return xs;
        }

        /** The crdt module: the working directory or its crdt/ child, whichever holds src/test/js/bench.mjs. */
        private static Path findModule() {
            for (Path p : List.of(Path.of(""), Path.of("crdt"))) {
                if (Files.isRegularFile(p.resolve("src/test/js/bench.mjs"))) {
                    return p.toAbsolutePath().normalize();
                }
            }
            throw new IllegalStateException("run from the repository root or crdt/, or pass --module=<crdt dir>");
        }
    }

    void run(Options o) {
        String loadBefore = loadAverage();
        List<BenchResult> node = new ArrayList<>();
        List<String> jsEngines = o.engines().stream().filter(e -> !e.equals(JavaCases.ENGINE)).toList();
        if (!jsEngines.isEmpty()) {
            log("node bench.mjs --runs=" + o.runs() + " --engines=" + String.join(",", jsEngines) + " --cases="
                    + String.join(",", o.cases()) + " (ywasm's B4 replay alone takes minutes)");
            node.addAll(new NodeBench(o.moduleDir().resolve("src/test/js"), o.node()).run(o.runs(), jsEngines, o.cases(),
                    r -> log(String.format(Locale.ROOT, "%-5s %s | %s: %s", r.engine(), r.kase(), r.metric(), r.median()))));
        }
        List<BenchResult> java = new ArrayList<>();
        if (o.engines().contains(JavaCases.ENGINE)) {
            Supplier<EditingTrace> trace = EditingTrace::load;
            JavaCases cases = new JavaCases(JavaCases.Params.of(o.runs(), o.warmups(), o.warmupMillis()), r -> {
                java.add(r);
                log(String.format(Locale.ROOT, "java  %s | %s: %s", r.kase(), r.metric(), r.median()));
            }, this::log);
            for (String c : o.cases()) {
                try {
                    cases.run(c, trace);
                } catch (RuntimeException e) {
                    // The other cases and the JS results are still worth a table; the exit code says it failed.
                    failures.add("java " + c + ": " + e);
                    log("java  " + c + " FAILED: " + e);
                    e.printStackTrace();
                }
            }
        }
        List<BenchResult> all = new ArrayList<>(java);
        all.addAll(node);
        String table = new ResultTable(all).markdown();
        System.out.println();
        System.out.print(table);
        write(o, all, table, loadBefore);
        if (!failures.isEmpty()) {
            System.err.println("FAILED: " + String.join("; ", failures));
            System.exit(1);
        }
    }

    private void write(Options o, List<BenchResult> all, String table, String loadBefore) {
        StringBuilder md = new StringBuilder();
        md.append("# crdt benchmark: Java engine vs yjs (ES module) and ywasm\n\n");
        md.append("- date: ").append(start.truncatedTo(ChronoUnit.SECONDS)).append(", took ")
                .append(Duration.between(start, Instant.now()).toSeconds()).append(" s\n");
        md.append("- runs: median of ").append(o.runs()).append(" (Java after ").append(o.warmups())
                .append(" unmeasured warm-ups and ")
                .append(o.warmupMillis()).append(" ms per case; yjs/ywasm as bench.mjs runs them, no warm-up)\n");
        md.append("- Java engine: ").append(o.engineRev()).append('\n');
        md.append("- engines: ").append(String.join(",", o.engines())).append("; cases: ").append(String.join(",", o.cases())).append('\n');
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(loadBefore).append(" before, ").append(loadAverage()).append(" after (shared machine: noisy)\n");
        md.append("- java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append('\n');
        md.append("- node: ").append(nodeVersion(o.node())).append("\n\n");
        md.append(table);
        for (String f : failures) {
            md.append("\n**FAILED**: ").append(f).append('\n');
        }
        md.append("\nUnits: ms and us are medians of wall time; MB = 10^6 bytes. java/min is the ratio to the faster of")
                .append(" yjs and ywasm. See docs/crdt-benchmark.md for what each case and metric is.\n");
        StringBuilder jsonl = new StringBuilder();
        for (BenchResult r : all) {
            jsonl.append(String.format(Locale.ROOT, "{\"engine\":\"%s\",\"case\":\"%s\",\"metric\":\"%s\",\"median\":%s,\"runs\":%s}%n",
                    r.engine(), r.kase(), r.metric(), r.median(), r.runs()));
        }
        try {
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            Files.writeString(o.out(), md.toString(), StandardCharsets.UTF_8);
            Path raw = o.out().resolveSibling(o.out().getFileName().toString().replaceFirst("\\.md$", "") + ".jsonl");
            Files.writeString(raw, jsonl.toString(), StandardCharsets.UTF_8);
            log("wrote " + o.out() + " and " + raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + o.out(), e);
        }
    }

    private void log(String line) {
        long s = Duration.between(start, Instant.now()).toSeconds();
        System.err.printf(Locale.ROOT, "[%02d:%02d] %s%n", s / 60, s % 60, line);
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static String nodeVersion(String node) {
        try {
            Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return v;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
