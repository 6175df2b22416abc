package eu.vetnet.gateway.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.gateway.support.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * STACK.md's first-frame trap: a Yjs client sends sync step 1 the instant its socket opens. With a login session on
 * the upgrade path, hundreds of sockets opened at once, each sending its first frame immediately, must each get
 * that frame through the gateway to the room server and back.
 */
@GatewayTest
class FirstFrameTests {

    private static final int SOCKETS = 400;

    @Test
    void hundredsOfSocketsSendingTheirFirstFrameAtOnceLoseNone() throws Exception {
        GatewayBrowser alice = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        alice.signIn("alice", "alice-pass");
        String cookie = alice.cookieHeader();

        List<Sockets.Client> clients = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            clients.add(Sockets.open(URI.create("ws://localhost:" + TestIssuer.GATEWAY_PORT + "/ws/rooms/first-frame-" + (i % 37)),
                    h -> h.set("Origin", TestIssuer.GATEWAY).set("Cookie", cookie), "sync-step-1 #" + i, 1 << 20));
        }

        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            Sockets.Client client = clients.get(i);
            assertEquals(101, client.handshakeStatus.get(30, TimeUnit.SECONDS), "socket " + i + " upgraded");
            String expected = "sync-step-1 #" + i;
            boolean seen = false;
            for (String m = client.next(Duration.ofSeconds(15)); m != null; m = client.next(Duration.ofMillis(seen ? 0 : 2000))) {
                if (m.equals(expected)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                lost.add(i);
            }
        }
        clients.forEach(Sockets.Client::close);

        assertEquals(List.of(), lost, "sockets whose first frame was lost, of " + SOCKETS);
    }
}
