package eu.vetnet.gateway.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.gateway.support.EchoServer;
import eu.vetnet.testkit.GatewayBrowser;
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
 * The first-frame trap (docs/reliability.md): a Yjs client sends sync step 1 the instant its socket opens. With a login session on
 * the upgrade path, hundreds of sockets opened at once, each sending its first frame immediately, must each get
 * that frame through the gateway to the room server and back. A frame counts as delivered only if the room server
 * recorded it and its echo came back; an early version of this test, which gave each echo 2 s after the previous
 * message, reported "lost" frames the room server had in fact received (slow echoes under load, not loss).
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

        // Lost means: the room server never got the frame, or its echo never came back within the deadline.
        List<Integer> lost = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < SOCKETS; i++) {
            Sockets.Client client = clients.get(i);
            assertEquals(101, client.handshakeStatus.get(30, TimeUnit.SECONDS), "socket " + i + " upgraded");
            String expected = "sync-step-1 #" + i;
            boolean seen = false;
            while (!seen) {
                String m = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (m == null) {
                    break;
                }
                seen = m.equals(expected);
            }
            if (!seen || !EchoServer.RECEIVED.contains(expected)) {
                lost.add(i);
            }
        }
        clients.forEach(Sockets.Client::close);

        assertEquals(List.of(), lost, "sockets whose first frame was lost, of " + SOCKETS);
    }
}
