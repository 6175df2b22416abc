package eu.vetnet.bench;

import eu.vetnet.bench.load.IdleRun;
import eu.vetnet.bench.load.LatencyHistogram;
import eu.vetnet.bench.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the benchmark's tables (and writes them as Markdown under the output folder). */
final class Report {

    private final Path out;
    private final StringBuilder md = new StringBuilder();

    Report(Path out) {
        this.out = out;
    }

    static void printLine(LoadResult r) {
        System.out.println(String.format(Locale.ROOT,
                "    %-11s %7.0f upd/s  p50 %7.2f ms  p99 %8.2f ms  max %8.1f ms  %9.0f deliveries/s  cpu %5.2f us/delivery"
                        + " %6.1f us/update  server %4.2f cores  harness %4.2f cores  lost %.2f%%  refused %d",
                r.server(), r.updatesPerSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.deliveriesPerSecond(),
                r.cpuPerDeliveryMicros(), r.cpuPerUpdateMicros(), r.serverCores(), r.harnessCpuSeconds() / r.windowSeconds(),
                r.lostShare() * 100, r.refused()));
    }

    void print(Map<String, List<LoadResult>> loads, Map<String, LatencyHistogram> joins, Map<String, IdleRun.Result> idle,
            RoomLoadBenchmark.Options options) throws IOException {
        line("# Room server load: vetnet vs hocuspocus, " + Instant.now());
        line("");
        line("Machine: " + machineCpus() + " cores" + (options.serverCpus().isEmpty()
                ? " (harness, server and Cassandra share them)" : " (server under test on CPU " + options.serverCpus()
                        + "; Cassandra and the harness on the others, bench/rooms-load.sh --pin)") + "; "
                + "vetnet history: " + options.history() + ", JVM " + options.javaOptions() + "; window "
                + (int) options.window() + " s after " + (int) options.warmup() + " s warm-up.");
        line("");
        List<LoadResult> ours = loads.getOrDefault("vetnet", List.of());
        List<LoadResult> theirs = loads.getOrDefault("hocuspocus", List.of());
        line("| load | server | updates/s | p50 ms | p99 ms | max ms | deliveries/s | CPU us/update | CPU us/delivery | server cores | lost | refused |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (List<LoadResult> side : List.of(ours, theirs)) {
            for (LoadResult r : side) {
                line(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %.1f | %.0f | %.1f | %.2f | %.2f | %.2f%% | %d |",
                        r.scenario(), r.server(), r.updatesPerSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(),
                        r.deliveriesPerSecond(), r.cpuPerUpdateMicros(), r.cpuPerDeliveryMicros(), r.serverCores(),
                        r.lostShare() * 100, r.refused()));
            }
        }
        line("");
        line("Ratios vetnet / hocuspocus (same load, same run; below 1 is better for vetnet):");
        line("");
        line("| load | updates/s | p50 | p99 | CPU per delivery |");
        line("|---|---:|---:|---:|---:|");
        for (LoadResult o : ours) {
            for (LoadResult t : theirs) {
                if (o.scenario().equals(t.scenario()) && Math.abs(o.updatesPerSecond() - t.updatesPerSecond()) < 1) {
                    line(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f |", o.scenario(), o.updatesPerSecond(),
                            o.p50Millis() / t.p50Millis(), o.p99Millis() / t.p99Millis(),
                            o.cpuPerDeliveryMicros() / t.cpuPerDeliveryMicros()));
                }
            }
        }
        line("");
        line("Saturation of the 1 x 200 room (highest rate with p99 <= 100 ms and nothing lost; per core = that rate / server cores):");
        line("");
        for (Map.Entry<String, List<LoadResult>> e : loads.entrySet()) {
            LoadResult best = null;
            for (LoadResult r : e.getValue()) {
                if (r.scenario().endsWith("rising") && r.p99Millis() <= 100 && r.lostShare() <= 0.01) {
                    best = r;
                }
            }
            if (best != null) {
                line(String.format(Locale.ROOT, "- %s: %.0f updates/s (%.0f deliveries/s) at %.2f server cores = %.0f updates/s per core;"
                        + " %.1f us CPU per incoming update", e.getKey(), best.updatesPerSecond(), best.deliveriesPerSecond(),
                        best.serverCores(), best.updatesPerSecond() / Math.max(best.serverCores(), 1e-9), best.cpuPerUpdateMicros()));
            }
        }
        line("");
        if (!idle.isEmpty()) {
            line("Resident memory per idle connection (RSS after a full GC, before and after the connections joined):");
            line("");
            for (IdleRun.Result r : idle.values()) {
                line(String.format(Locale.ROOT, "- %s: %d connections, RSS %.1f -> %.1f MB = %.1f KB per connection%s", r.server(),
                        r.connections(), r.rssBefore() / 1e6, r.rssAfter() / 1e6, r.bytesPerConnection() / 1024,
                        r.heapBytesPerConnection() < 0 ? "" : String.format(Locale.ROOT,
                                "; live heap %.1f -> %.1f MB = %.1f KB per connection (a JVM keeps heap it grew into resident,"
                                        + " so its RSS delta also counts the joins' garbage)", r.heapBefore() / 1e6,
                                r.heapAfter() / 1e6, r.heapBytesPerConnection() / 1024)));
            }
            line("");
        }
        if (!joins.isEmpty()) {
            line("Joins of the B4 document (open socket -> whole document received):");
            line("");
            for (Map.Entry<String, LatencyHistogram> e : joins.entrySet()) {
                LatencyHistogram h = e.getValue();
                line(String.format(Locale.ROOT, "- %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d joins)", e.getKey(),
                        h.quantile(0.5) / 1000.0, h.quantile(0.99) / 1000.0, h.max() / 1000.0, h.count()));
            }
            if (joins.size() == 2 && joins.containsKey("vetnet")) {
                line(String.format(Locale.ROOT, "- ratio p50 vetnet / hocuspocus: %.2f",
                        joins.get("vetnet").quantile(0.5) / (double) joins.get("hocuspocus").quantile(0.5)));
            }
        }
        Files.createDirectories(out);
        Path file = out.resolve("rooms-load-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(file, md);
        System.out.println();
        System.out.println("(written to " + file + ")");
    }

    /** The machine's CPUs, not this process's share (a pinned harness sees one: availableProcessors follows taskset). */
    private static int machineCpus() {
        String[] cpus = new java.io.File("/sys/devices/system/cpu").list((dir, name) -> name.matches("cpu[0-9]+"));
        return cpus == null || cpus.length == 0 ? Runtime.getRuntime().availableProcessors() : cpus.length;
    }

    private void line(String s) {
        System.out.println(s);
        md.append(s).append('\n');
    }
}
