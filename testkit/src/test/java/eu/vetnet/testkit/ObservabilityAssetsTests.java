package eu.vetnet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reading of deploy/observability that the servers' metric tests rely on. */
class ObservabilityAssetsTests {

    @Test
    void findsTheMetricsOfEachJobAndWhichAScrapeLacks() {
        Set<String> rooms = ObservabilityAssets.metricsOf("vetnet-rooms");
        assertTrue(rooms.contains("vetnet_rooms_update_latency_seconds_bucket"), rooms.toString());
        assertTrue(rooms.contains("vetnet_history_append_failures_total"), rooms.toString());
        assertTrue(ObservabilityAssets.metricsOf("vetnet-gateway").contains("http_server_requests_seconds_count"));
        assertTrue(!rooms.contains("up"), "Prometheus's own series are not asked of a scrape");

        String scrape = "# TYPE vetnet_rooms_open gauge\nvetnet_rooms_open 3.0\nvetnet_rooms_leases_total{event=\"granted\"} 2.0\n";
        Set<String> missing = ObservabilityAssets.missingFrom(scrape, "vetnet-rooms");
        assertTrue(!missing.contains("vetnet_rooms_open") && !missing.contains("vetnet_rooms_leases_total"), missing.toString());
        assertTrue(missing.contains("vetnet_rooms_sockets"), missing.toString());
        assertEquals(2.0, ObservabilityAssets.value(scrape, "vetnet_rooms_leases_total", "event=\"granted\""));
        assertEquals(3.0, ObservabilityAssets.value(scrape, "vetnet_rooms_open", ""));
        assertTrue(Double.isNaN(ObservabilityAssets.value(scrape, "vetnet_rooms_sockets", "")));
    }
}
