package eu.vetnet.gateway.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.gateway.signin.OidcProperties;
import eu.vetnet.gateway.websocket.WebSocketProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;

class SecurityHeadersWebFilterTests {

    private final HeadersProperties headers = new HeadersProperties();

    private MockServerWebExchange respond(WebFilter filter, String presetPolicy) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        filter.filter(exchange, e -> {
            if (presetPolicy != null) {
                e.getResponse().getHeaders().set("Content-Security-Policy", presetPolicy);
            }
            return e.getResponse().setComplete();
        }).block();
        return exchange;
    }

    private WebFilter filter() {
        return new HeadersConfiguration().securityHeadersWebFilter(headers, new WebSocketProperties(), new OidcProperties());
    }

    @Test
    void aConfiguredPolicyIsSentVerbatim() {
        headers.setContentSecurityPolicy("default-src 'none'");
        headers.setReferrerPolicy("same-origin");

        var response = respond(filter(), null).getResponse().getHeaders();
        assertEquals("default-src 'none'", response.getFirst("Content-Security-Policy"));
        assertEquals("same-origin", response.getFirst("Referrer-Policy"));
        assertEquals("nosniff", response.getFirst("X-Content-Type-Options"));
    }

    @Test
    void withoutOneThePolicyIsBuiltFromTheOriginsAndTheIssuer() {
        var response = respond(filter(), null).getResponse().getHeaders();

        assertEquals(ContentSecurityPolicy.forGateway(new WebSocketProperties().getAllowedOrigins(),
                new OidcProperties().effectiveIssuerUri()), response.getFirst("Content-Security-Policy"));
    }

    /** A proxied answer that brings its own policy keeps it. */
    @Test
    void aPolicyAlreadyOnTheResponseIsKept() {
        var response = respond(filter(), "sandbox").getResponse().getHeaders();

        assertEquals("sandbox", response.getFirst("Content-Security-Policy"));
        assertEquals(1, response.get("Content-Security-Policy").size());
    }
}
