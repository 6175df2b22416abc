package eu.vetnet.gateway.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTests {

    @Test
    void productionPolicyAllowsTheOriginsSocketsAndTheIssuersSignOutOnly() {
        String policy = ContentSecurityPolicy.forGateway(List.of("https://vetnet.example.org"),
                "https://sso.example.org/realms/vetnet");

        assertEquals("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data: blob:; font-src 'self';"
                + " connect-src 'self' wss://vetnet.example.org; object-src 'none'; base-uri 'self';"
                + " frame-ancestors 'none'; form-action 'self' https://sso.example.org", policy);
    }

    @Test
    void theLocalRunGetsPlainWebSocketsAndTheBuiltInIssuersPort() {
        String policy = ContentSecurityPolicy.forGateway(List.of("http://localhost:8080", "http://localhost:8080/"),
                "http://localhost:8090");

        assertTrue(policy.contains("connect-src 'self' ws://localhost:8080;"), policy);
        assertTrue(policy.endsWith("form-action 'self' http://localhost:8090"), policy);
    }

    @Test
    void somethingThatIsNoUrlAddsNoSource() {
        assertNull(ContentSecurityPolicy.origin("not a url"));
        assertNull(ContentSecurityPolicy.socketOrigin("*"));
        String policy = ContentSecurityPolicy.forGateway(List.of("*"), "");

        assertTrue(policy.contains("connect-src 'self';") && policy.endsWith("form-action 'self'"), policy);
    }
}
