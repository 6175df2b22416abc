package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.gateway.support.EchoServers;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.SessionTokens;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.session.InMemoryWebSessionStore;

/** What happens to a signed-in browser's sockets and tokens over time: logout closes them, expiry refreshes. */
@GatewayTest
class SessionEndTests {

    @Autowired
    InMemoryWebSessionStore sessions;

    private static Sockets.Client open(GatewayBrowser browser, String room) throws Exception {
        return Sockets.openRoom(TestIssuer.GATEWAY, browser, room);
    }

    private static Map<String, Object> relayedClaims(Sockets.Client client) throws Exception {
        String hello = client.next(Duration.ofSeconds(10));
        assertNotNull(hello);
        String bearer = hello.substring(hello.indexOf("authorization=Bearer ") + "authorization=Bearer ".length()).split(" ")[0];
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1])));
    }

    @Test
    void logoutClosesThatSessionsSocketsWith4401AndLeavesOtherSessionsOpen() throws Exception {
        GatewayBrowser alice = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        alice.signIn("alice", "alice-pass");
        GatewayBrowser paula = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        paula.signIn("paula", "paula-pass");
        Sockets.Client board = open(alice, "logout-a/board");
        Sockets.Client notes = open(alice, "logout-a/notes");
        Sockets.Client other = open(paula, "logout-a/board");
        int closedBefore = EchoServers.A.closedSockets() + EchoServers.B.closedSockets();

        long signedOut = System.nanoTime();
        assertEquals(302, alice.post("/logout", Map.of("X-XSRF-TOKEN", alice.cookie("XSRF-TOKEN").orElseThrow())).statusCode());

        assertEquals(4401, board.closeCode.get(10, TimeUnit.SECONDS));
        assertEquals(4401, notes.closeCode.get(10, TimeUnit.SECONDS));
        System.out.printf("revocation: sign-out closed the session's sockets after %d ms (bound: at once)%n",
                (System.nanoTime() - signedOut) / 1_000_000);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> EchoServers.A.closedSockets() + EchoServers.B.closedSockets() >= closedBefore + 2);
        assertTrue(!other.closeCode.isDone(), "paula's socket stays open");
        assertNotNull(other.next(Duration.ofSeconds(5)));
        other.send("still here");
        assertEquals("still here", other.next(Duration.ofSeconds(5)));
        other.close();
    }

    @Test
    void refreshRefusedByTheIssuerEndsTheSessionWith401AndClosesItsSockets() throws Exception {
        GatewayBrowser paula = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        paula.signIn("paula", "paula-pass");
        Sockets.Client open = open(paula, "refused/board");
        assertNotNull(open.next(Duration.ofSeconds(10)));

        // The access token is expired and the refresh token one the issuer never issued (as after a revocation).
        SessionTokens.revokeRefreshToken(sessions.retrieveSession(paula.cookie("SESSION").orElseThrow()).block(), true);

        assertEquals(401, paula.get("/api/me").statusCode());
        assertEquals(4401, open.closeCode.get(10, TimeUnit.SECONDS));
        assertEquals(401, paula.get("/api/me").statusCode(), "the session is gone");
    }

    @Test
    void expiredAccessTokenIsRefreshedBeforeItIsRelayed() throws Exception {
        GatewayBrowser ada = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        ada.signIn("ada", "ada-pass");
        Sockets.Client first = open(ada, "refresh/board");
        Map<String, Object> before = relayedClaims(first);
        first.close();

        // Age the session's access token past its expiry, as five quiet minutes in a workshop would.
        SessionTokens.expireAccessToken(sessions.retrieveSession(ada.cookie("SESSION").orElseThrow()).block());

        Sockets.Client second = open(ada, "refresh/board");
        Map<String, Object> after = relayedClaims(second);
        second.close();

        assertNotEquals(before.get("jti") == null ? before.get("iat") : before.get("jti"),
                after.get("jti") == null ? after.get("iat") : after.get("jti"), "a new access token");
        assertTrue(((Number) after.get("exp")).longValue() > Instant.now().getEpochSecond(), "and a live one");
        assertEquals("ada", after.get("preferred_username"));
        assertEquals(200, ada.get("/api/me").statusCode());
    }
}
