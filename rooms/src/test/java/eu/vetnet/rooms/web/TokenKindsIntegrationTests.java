package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.core.CloseCodes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The room server opens a socket only for an access token of its issuer meant for VET-NET (docs/identity.md,
 * "Tokens"): an ID token, a refresh or logout token, or an access token for another client of the realm is refused
 * with 4401 at the real server, signature and all valid.
 */
class TokenKindsIntegrationTests extends RoomsIntegrationTestSupport {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void anAccessTokenOpensTheRoom() throws Exception {
        RawSocket alice = RawSocket.open(wsUrl() + "/ws/rooms/" + room() + "/board", alice());
        long end = System.currentTimeMillis() + 10_000;
        while (alice.received.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertFalse(alice.received.isEmpty(), "the server's sync step 1");
        assertFalse(alice.closed.isDone());
    }

    @ParameterizedTest(name = "typ {0}")
    @ValueSource(strings = {"ID", "Refresh", "Logout"})
    void aTokenThatIsNoAccessTokenIsRefused(String typ) throws Exception {
        String token = issuer.token("alice", HOUR, Map.of("typ", typ), "participant");

        RawSocket socket = RawSocket.open(wsUrl() + "/ws/rooms/" + room() + "/board", token);

        assertEquals(CloseCodes.UNAUTHORIZED, socket.closed.get(10, TimeUnit.SECONDS));
        assertTrue(socket.closeReason.contains("invalid token"), socket.closeReason);
    }

    @Test
    void anAccessTokenForAnotherClientOfTheRealmIsRefused() throws Exception {
        String token = issuer.token("alice", HOUR, Map.of("aud", "some-other-client"), "participant");

        RawSocket socket = RawSocket.open(wsUrl() + "/ws/rooms/" + room() + "/board", token);

        assertEquals(CloseCodes.UNAUTHORIZED, socket.closed.get(10, TimeUnit.SECONDS));
    }
}
