package eu.vetnet.crdt.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One metric of one case on one engine, as bench.mjs prints it: the median of its runs (times in ms
 * or us as the metric name says, sizes in bytes).
 */
record BenchResult(String engine, String kase, String metric, double median, List<Double> runs) {

    static BenchResult of(String engine, String kase, String metric, List<Double> runs) {
        return new BenchResult(engine, kase, metric, round(median(runs)), runs.stream().map(BenchResult::round).toList());
    }

    /** The median as bench.mjs takes it: the middle value, or the mean of the two middle ones. */
    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        int m = s.length >> 1;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    String key() {
        return kase + " | " + metric;
    }
}
