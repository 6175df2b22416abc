package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.LogoutTokens;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.session.InMemoryWebSessionStore;

/**
 * OIDC back-channel logout on one gateway (sessions in memory), with a logout token signed by the built-in issuer's
 * key as Keycloak would send it: the session leaves the store and its sockets close with 4401.
 * KeycloakSignInIntegrationTests does the same with a real Keycloak.
 */
@GatewayTest
class BackChannelLogoutTests {

    @Autowired
    InMemoryWebSessionStore sessions;

    @Test
    void theIssuersLogoutTokenEndsThatUsersSessionAndClosesItsSockets() throws Exception {
        GatewayBrowser fabio = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        fabio.signIn("fabio", "fabio-pass");
        GatewayBrowser ada = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        ada.signIn("ada", "ada-pass");
        String subject = (String) JSONObjectUtils.parse(fabio.get("/api/me").body()).get("id");
        Sockets.Client socket = Sockets.open(URI.create("ws://localhost:" + TestIssuer.GATEWAY_PORT + "/ws/rooms/back-channel"),
                h -> h.set("Origin", TestIssuer.GATEWAY).set("Cookie", fabio.cookieHeader()), null, 1 << 20);
        assertNotNull(socket.next(Duration.ofSeconds(10)), "the room server's hello");
        String sessionId = fabio.cookie("SESSION").orElseThrow();

        assertEquals(200, LogoutTokens.deliver(URI.create(TestIssuer.GATEWAY), LogoutTokens.forSubject(subject)));

        assertEquals(4401, socket.closeCode.get(10, TimeUnit.SECONDS));
        assertFalse(sessions.getSessions().containsKey(sessionId), "the session left the store");
        assertEquals(401, fabio.get("/api/me").statusCode());
        assertEquals(200, ada.get("/api/me").statusCode(), "another user's session is untouched");
    }
}
