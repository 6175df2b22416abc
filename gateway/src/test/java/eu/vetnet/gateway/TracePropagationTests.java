package eu.vetnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The gateway carries a request's trace on to the server behind it (docs/operations.md, "Traces and logs"): a W3C
 * {@code traceparent} that arrives goes on with the same trace id and the gateway's own span as parent; a request
 * without one starts a trace that the server behind continues.
 */
@GatewayTest
class TracePropagationTests {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private static HttpResponse<String> get(String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestIssuer.GATEWAY + "/api/public/proposals/p-1"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anIncomingTraceGoesOnWithTheGatewaysSpanAsParent() throws Exception {
        HttpResponse<String> response = get("00-" + TRACE + "-" + CALLER_SPAN + "-01");
        assertEquals(200, response.statusCode(), response.body());
        String forwarded = response.headers().firstValue("X-Seen-Traceparent").orElse("none");
        String[] parts = forwarded.split("-");
        assertEquals(4, parts.length, forwarded);
        assertEquals(TRACE, parts[1], "the server behind sees the same trace: " + forwarded);
        assertNotEquals(CALLER_SPAN, parts[2], "the gateway's own span is the parent: " + forwarded);
    }

    @Test
    void aRequestWithoutATraceStartsOne() throws Exception {
        HttpResponse<String> response = get(null);
        assertEquals(200, response.statusCode(), response.body());
        String forwarded = response.headers().firstValue("X-Seen-Traceparent").orElse("none");
        assertTrue(forwarded.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), forwarded);
    }
}
