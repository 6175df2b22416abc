package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;

/**
 * A session that ends on its own, by its idle timeout, closes its sockets with 4401 like a logout does (one gateway,
 * sessions in memory; the sweep runs every 500 ms in the tests). A socket's frames do not count as use of the session.
 */
@GatewayTest
class IdleTimeoutTests {

    @Autowired
    InMemoryWebSessionStore sessions;

    private static Sockets.Client open(GatewayBrowser browser, String room) throws Exception {
        Sockets.Client client = Sockets.openRoom(TestIssuer.GATEWAY, browser, room);
        assertNotNull(client.next(Duration.ofSeconds(10)), "the room server's hello");
        return client;
    }

    @Test
    void aSessionThatTimesOutIdleClosesItsSocketsWith4401AndOnlyThose() throws Exception {
        GatewayBrowser paula = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        paula.signIn("paula", "paula-pass");
        GatewayBrowser fabio = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        fabio.signIn("fabio", "fabio-pass");
        Sockets.Client idle = open(paula, "idle/board");
        Sockets.Client busy = open(fabio, "idle/board");

        // As if paula's tab had gone unused past the idle timeout (12 h by default): her session is now expired.
        WebSession session = sessions.getSessions().get(paula.cookie("SESSION").orElseThrow());
        session.setMaxIdleTime(Duration.ofMillis(1));
        long expired = System.nanoTime();

        assertEquals(4401, idle.closeCode.get(10, TimeUnit.SECONDS));
        System.out.printf("revocation: an idle-timed-out session's socket closed after %d ms (bound: one sweep interval, "
                + "500 ms in the tests, 30 s by default)%n", (System.nanoTime() - expired) / 1_000_000);
        assertEquals(401, paula.get("/api/me").statusCode(), "her session is over");
        assertFalse(busy.closeCode.isDone(), "fabio's session is alive: his socket stays open");
        busy.send("still here");
        assertEquals("still here", busy.next(Duration.ofSeconds(5)));
        busy.close();
    }
}
