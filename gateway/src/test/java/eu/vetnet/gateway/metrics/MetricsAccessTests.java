package eu.vetnet.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.GatewayTestProperties;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** /actuator/prometheus for the scrape token or an admin; health for anyone. */
@GatewayTest
class MetricsAccessTests {

    private static final URI PROMETHEUS = URI.create(TestIssuer.GATEWAY + "/actuator/prometheus");
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PROMETHEUS);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser tab would open it, with the session cookie. */
    private HttpResponse<String> open(GatewayBrowser browser) throws Exception {
        return http.send(HttpRequest.newBuilder(PROMETHEUS).header("Cookie", browser.cookieHeader()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutCredentialsOrWithAWrongTokenPrometheusIsRefusedWith401AndNoSession() throws Exception {
        HttpResponse<String> none = scrape(null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), none.headers().toString());
        assertTrue(none.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("SESSION=")),
                "a refused scrape leaves no session behind: " + none.headers().allValues("Set-Cookie"));
        assertEquals(401, scrape("Bearer wrong-token").statusCode());
        assertEquals(401, scrape("Bearer " + GatewayTestProperties.METRICS_TOKEN + "x").statusCode());
        assertEquals(401, scrape("Basic " + GatewayTestProperties.METRICS_TOKEN).statusCode());
    }

    @Test
    void theScrapeTokenReadsTheMetrics() throws Exception {
        HttpResponse<String> response = scrape("Bearer " + GatewayTestProperties.METRICS_TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("jvm_memory_used_bytes"), "Prometheus text");
    }

    @Test
    void aSignedInAdminReadsTheMetricsAndAnyoneElseSignedInIsForbidden() throws Exception {
        GatewayBrowser ada = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        ada.signIn("ada", "ada-pass");
        HttpResponse<String> admin = open(ada);
        assertEquals(200, admin.statusCode(), admin.body());

        GatewayBrowser alice = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        alice.signIn("alice", "alice-pass");
        HttpResponse<String> participant = open(alice);
        assertEquals(403, participant.statusCode());
        assertFalse(participant.body().contains("jvm_memory_used_bytes"));
    }

    /** What operators watch (docs/operations.md, "Watching VET-NET"): every gateway metric the dashboard and alerts read. */
    @Test
    void theMetricsTheDashboardAndAlertsReadAreServed() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(TestIssuer.GATEWAY + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response = scrape("Bearer " + GatewayTestProperties.METRICS_TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(eu.vetnet.testkit.ObservabilityAssets.metricsOf("vetnet-gateway").isEmpty());
        assertEquals(java.util.Set.of(), eu.vetnet.testkit.ObservabilityAssets.missingFrom(response.body(), "vetnet-gateway"),
                "read by deploy/observability but not served by the gateway");
    }

    @Test
    void healthStaysPublic() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(TestIssuer.GATEWAY + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }
}
