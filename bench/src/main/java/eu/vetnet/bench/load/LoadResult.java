package eu.vetnet.bench.load;

/** What one load step measured on one server. */
public record LoadResult(String server, String scenario, double updatesPerSecond, long sent, long expected,
        long delivered, double windowSeconds, long deliveredInWindow, LatencyHistogram latency,
        double serverCpuSeconds, double harnessCpuSeconds, long refused, String firstRefusal) {

    public double deliveriesPerSecond() {
        return deliveredInWindow / windowSeconds;
    }

    /** Server CPU time per update it received, in microseconds. */
    public double cpuPerUpdateMicros() {
        return sent == 0 ? 0 : serverCpuSeconds * 1e6 / sent;
    }

    /** Server CPU time per update delivered to another client, in microseconds. */
    public double cpuPerDeliveryMicros() {
        return deliveredInWindow == 0 ? 0 : serverCpuSeconds * 1e6 / deliveredInWindow;
    }

    public double serverCores() {
        return serverCpuSeconds / windowSeconds;
    }

    public double lostShare() {
        return expected == 0 ? 0 : 1.0 - (double) delivered / expected;
    }

    public double p50Millis() {
        return latency.quantile(0.50) / 1000.0;
    }

    public double p99Millis() {
        return latency.quantile(0.99) / 1000.0;
    }

    public double maxMillis() {
        return latency.max() / 1000.0;
    }
}
