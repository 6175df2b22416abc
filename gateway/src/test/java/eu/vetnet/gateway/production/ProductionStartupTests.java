package eu.vetnet.gateway.production;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.GatewayApplication;
import eu.vetnet.gateway.GatewayException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The real gateway refuses to start at a public origin with its development defaults. */
class ProductionStartupTests {

    @Test
    void aPublicGatewayWithDevelopmentDefaultsDoesNotStart() {
        Throwable failure = assertThrows(Throwable.class, () -> new SpringApplicationBuilder(GatewayApplication.class)
                .run("--server.port=0", "--vetnet.gateway.websocket.allowed-origins=https://vetnet.example.org").close());

        String message = gatewayException(failure).getMessage();
        assertTrue(message.contains("the public origin is https://vetnet.example.org"), message);
        assertTrue(message.contains("Set VETNET_OIDC_ISSUER_URI"), message);
        assertTrue(message.contains("Set VETNET_GATEWAY_CLIENT_SECRET"), message);
        assertTrue(message.contains("Set VETNET_SESSION_COOKIE_SECURE=true"), message);
    }

    private static GatewayException gatewayException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GatewayException e) {
                return e;
            }
        }
        throw new AssertionError("no GatewayException in the start failure", failure);
    }
}
