package eu.vetnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gateway answers every request on a kept-alive connection (docs/operations.md, "HTTP keep-alive"), also right
 * after refusing a POST before reading its body (403, no CSRF token), as a browser's next request would come.
 */
@GatewayTest
class KeepAliveTests {

    @Test
    void aRequestRightAfterARefusedPostIsAnswered() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int unanswered = 0;
        for (int i = 0; i < 1_000; i++) {
            HttpRequest refused = HttpRequest.newBuilder(URI.create(TestIssuer.GATEWAY + "/api/public/learning/issuers/northfield"))
                    .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"" + "x".repeat(i % 7 * 300) + "\"}")).build();
            HttpRequest next = HttpRequest.newBuilder(URI.create(TestIssuer.GATEWAY + "/api/learning/programmes"))
                    .timeout(Duration.ofSeconds(3)).build();
            for (HttpRequest r : new HttpRequest[] {refused, next}) {
                try {
                    http.send(r, HttpResponse.BodyHandlers.discarding());
                } catch (java.net.http.HttpTimeoutException e) {
                    unanswered++;
                }
            }
        }
        assertEquals(0, unanswered, "requests the gateway never answered, of 2,000");
    }
}
