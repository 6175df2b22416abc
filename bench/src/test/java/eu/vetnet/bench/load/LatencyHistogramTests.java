package eu.vetnet.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyHistogramTests {

    @Test
    void quantilesAreExactBelowAMillisecondAndWithinHalfAPercentAbove() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v);
        }
        assertEquals(100_000, h.count());
        assertEquals(100_000, h.max());
        LatencyHistogram small = new LatencyHistogram();
        for (int v = 1; v <= 1000; v++) {
            small.record(v);
        }
        assertEquals(500, small.quantile(0.5));
        assertEquals(50_000, h.quantile(0.5), 250);
        assertEquals(99_000, h.quantile(0.99), 500);
        assertEquals(100_000, h.quantile(1.0), 500);
    }

    @Test
    void anEmptyHistogramReadsZero() {
        assertEquals(0, new LatencyHistogram().quantile(0.99));
    }
}
