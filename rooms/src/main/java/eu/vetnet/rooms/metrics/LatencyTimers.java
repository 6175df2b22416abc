package eu.vetnet.rooms.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The room server's latency timers, all with one shape: a histogram from 1 ms to 30 s, so Prometheus can compute the
 * quantiles the dashboard and alerts read (docs/operations.md, "Watching VET-NET").
 */
public final class LatencyTimers {

    private LatencyTimers() {
    }

    public static Timer histogram(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
