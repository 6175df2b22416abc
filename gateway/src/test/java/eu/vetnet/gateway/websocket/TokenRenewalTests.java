package eu.vetnet.gateway.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.gateway.support.EchoServer;
import eu.vetnet.gateway.support.EchoServers;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.SessionTokens;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.session.InMemoryWebSessionStore;

/**
 * A room socket outlives many access tokens (docs/gateway.md, "Token renewal"). The test issuer's tokens live
 * {@link TestIssuer#ACCESS_TOKEN_TTL} (10 s) and the gateway refreshes {@link TestIssuer#REFRESH_BEFORE_EXPIRY} (3 s)
 * before expiry, so half a minute is three or more rotations.
 */
@GatewayTest
class TokenRenewalTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    InMemoryWebSessionStore sessions;

    private static Sockets.Client open(GatewayBrowser browser, String room) throws Exception {
        Sockets.Client client = Sockets.openRoom(TestIssuer.GATEWAY, browser, room);
        assertNotNull(client.next(WAIT), "the room server's hello");
        return client;
    }

    private static EchoServer.Upgrade upgradeOf(String room) {
        return Stream.of(EchoServers.A, EchoServers.B).flatMap(s -> s.upgrades().stream())
                .filter(u -> u.path().contains(room)).findFirst().orElseThrow();
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
    }

    @Test
    void aSocketOutlivingSeveralTokensGetsEachRefreshedTokenInBandAndStaysOpen() throws Exception {
        GatewayBrowser alice = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        alice.signIn("alice", "alice-pass");
        Sockets.Client socket = open(alice, "rotating/board");
        EchoServer.Upgrade upgrade = upgradeOf("rotating/board");
        Instant opened = Instant.now();

        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> upgrade.renewals().size() >= 3);
        Duration took = Duration.between(opened, Instant.now());

        assertFalse(socket.closeCode.isDone(), "no close while tokens rotate");
        List<String> tokens = new ArrayList<>();
        tokens.add(upgrade.authorization().substring("Bearer ".length()));
        tokens.addAll(upgrade.renewals());
        long previousExp = 0;
        for (String token : tokens) {
            Map<String, Object> c = claims(token);
            assertEquals("alice", c.get("preferred_username"));
            assertEquals(claims(tokens.get(0)).get("sub"), c.get("sub"), "always the socket's own user");
            long exp = ((Number) c.get("exp")).longValue();
            assertTrue(exp > previousExp, "each renewal lives longer than the one before");
            previousExp = exp;
        }
        assertEquals(tokens.size(), tokens.stream().distinct().count(), "every renewal is a new token");
        // Each token is renewed before it expires: no gap in which the room server would close the socket.
        for (int i = 1; i < tokens.size(); i++) {
            long expOfPrevious = ((Number) claims(tokens.get(i - 1)).get("exp")).longValue();
            long iatOfNext = ((Number) claims(tokens.get(i)).get("iat")).longValue();
            assertTrue(iatOfNext <= expOfPrevious, "renewal " + i + " was issued before the token it replaces expired");
        }
        socket.send("still here");
        assertEquals("still here", socket.next(WAIT), "frames still pass both ways");
        System.out.printf("token renewal: %d renewals in %d s (access tokens of %d s)%n", upgrade.renewals().size(),
                took.toSeconds(), TestIssuer.ACCESS_TOKEN_TTL.toSeconds());
        socket.close();
    }

    @Test
    void aBrowsersTextFrameClosesItsSocketWith4400AndNeverReachesTheRoomServer() throws Exception {
        GatewayBrowser fabio = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        fabio.signIn("fabio", "fabio-pass");
        Sockets.Client socket = open(fabio, "forged/board");
        EchoServer.Upgrade upgrade = upgradeOf("forged/board");
        String forged = "vetnet.token " + upgrade.authorization().substring("Bearer ".length());

        socket.sendText(forged);

        assertEquals(4400, socket.closeCode.get(10, TimeUnit.SECONDS));
        assertTrue(upgrade.renewals().isEmpty(), "the room server got no renewal from the browser");
        assertFalse(EchoServer.RECEIVED.contains(forged));
    }

    @Test
    void aRefreshTheIssuerRefusesWhileOnlyASocketIsOpenEndsTheSignInWith4401() throws Exception {
        GatewayBrowser paula = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        paula.signIn("paula", "paula-pass");
        Sockets.Client socket = open(paula, "renewal-refused/board");

        // As after a revocation or a user disabled at the issuer: the refresh token is one the issuer never issued.
        SessionTokens.revokeRefreshToken(sessions.retrieveSession(paula.cookie("SESSION").orElseThrow()).block(), false);
        Instant revoked = Instant.now();

        // Nothing but the socket is in use: the gateway's own renewal finds out.
        assertEquals(4401, socket.closeCode.get(TestIssuer.ACCESS_TOKEN_TTL.toSeconds() + 10, TimeUnit.SECONDS));
        Duration delay = Duration.between(revoked, Instant.now());
        assertTrue(delay.compareTo(TestIssuer.ACCESS_TOKEN_TTL) <= 0, "within one access-token lifetime: " + delay);
        assertEquals(401, paula.get("/api/me").statusCode(), "the session is gone");
        System.out.printf("refused refresh closed the socket after %d ms (bound: one access-token lifetime, %d s)%n",
                delay.toMillis(), TestIssuer.ACCESS_TOKEN_TTL.toSeconds());
    }

    @Test
    void aRenewalDoesNotCountAsUseOfTheSession() throws Exception {
        GatewayBrowser ada = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        ada.signIn("ada", "ada-pass");
        Sockets.Client socket = open(ada, "renewal-idle/board");
        EchoServer.Upgrade upgrade = upgradeOf("renewal-idle/board");
        String id = ada.cookie("SESSION").orElseThrow();
        Instant lastUse = sessions.getSessions().get(id).getLastAccessTime();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !upgrade.renewals().isEmpty());

        assertEquals(lastUse, sessions.getSessions().get(id).getLastAccessTime(), "the idle clock was not reset");
        assertNotEquals(upgrade.authorization().substring(7), upgrade.renewals().get(0));
        socket.close();
    }
}
