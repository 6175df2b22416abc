package eu.vetnet.crdt.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The medians of all engines side by side, with the ratios and the goal of issue 3 per row: time at
 * or below the faster of yjs and ywasm, memory at or below yjs, B4 replay at or below half of yjs.
 */
final class ResultTable {

    private static final String JAVA = JavaCases.ENGINE;

    private final Map<String, Map<String, BenchResult>> rows = new LinkedHashMap<>();

    ResultTable(List<BenchResult> results) {
        for (BenchResult r : results) {
            rows.computeIfAbsent(r.key(), k -> new LinkedHashMap<>()).put(r.engine(), r);
        }
    }

    /** One row per case and metric, in the order the results came. */
    String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| case | metric | unit | java | yjs | ywasm | java/yjs | java/min(yjs,ywasm) | goal | met |");
        lines.add("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (Map<String, BenchResult> row : rows.values()) {
            BenchResult any = row.values().iterator().next();
            String metric = any.metric();
            double scale = metric.startsWith("heap_") || metric.startsWith("external_") ? 1e6 : 1;
            Double java = value(row, JAVA, scale);
            Double yjs = value(row, "yjs", scale);
            Double ywasm = value(row, "ywasm", scale);
            Double fastest = min(yjs, ywasm);
            Goal goal = Goal.of(metric);
            lines.add("| " + any.kase() + " | " + metric + " | " + unit(metric) + " | " + num(java) + " | " + num(yjs)
                    + " | " + num(ywasm) + " | " + ratio(java, yjs) + " | " + ratio(java, fastest) + " | " + goal.label
                    + " | " + goal.verdict(java, yjs, ywasm) + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    /** How a metric is judged. */
    private enum Goal {
        TIME("≤ min(yjs, ywasm)"),
        REPLAY("≤ yjs/2 (and ≤ ywasm)"),
        MEMORY("≤ yjs"),
        SIZE("= yjs (same state, same bytes)"),
        NONE("-");

        final String label;

        Goal(String label) {
            this.label = label;
        }

        static Goal of(String metric) {
            if (metric.equals("replay_ms")) {
                return REPLAY;
            }
            if (metric.endsWith("_ms") || metric.endsWith("_us")) {
                return TIME;
            }
            if (metric.equals("heap_loaded_bytes")) {
                return MEMORY;
            }
            if (metric.equals("update_bytes")) {
                return SIZE;
            }
            return NONE;
        }

        String verdict(Double java, Double yjs, Double ywasm) {
            if (this == NONE || java == null || yjs == null && ywasm == null) {
                return "-";
            }
            Double target = switch (this) {
                case TIME -> min(yjs, ywasm);
                case REPLAY -> min(yjs == null ? null : yjs / 2, ywasm);
                case MEMORY, SIZE -> yjs;
                case NONE -> null;
            };
            if (target == null) {
                return "-";
            }
            if (this == SIZE) {
                return java.equals(target) ? "same" : "**differs**";
            }
            return java <= target ? "yes" : "**no**";
        }
    }

    private static Double value(Map<String, BenchResult> row, String engine, double scale) {
        BenchResult r = row.get(engine);
        return r == null ? null : r.median() / scale;
    }

    private static Double min(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }

    private static String unit(String metric) {
        if (metric.endsWith("_ms")) {
            return "ms";
        }
        if (metric.endsWith("_us")) {
            return "us";
        }
        if (metric.startsWith("heap_") || metric.startsWith("external_")) {
            return "MB";
        }
        return metric.endsWith("_bytes") ? "bytes" : "";
    }

    private static String num(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        String f = a >= 1000 ? "%,.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
