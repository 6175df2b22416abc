package eu.vetnet.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.support.EchoServers;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two room servers behind the gateway: a room always lands on its owner, and moves only when its owner goes. */
@GatewayTest
class RoomRoutingTests {

    @Autowired
    StaticRoomServerInstances instances;

    private String cookie;

    @BeforeEach
    void signIn() throws Exception {
        GatewayBrowser browser = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        browser.signIn("fabio", "fabio-pass");
        cookie = browser.cookieHeader();
    }

    /** The name of the echo server a socket to {@code room} reaches. */
    private String serverOf(String room) throws Exception {
        Sockets.Client client = Sockets.open(URI.create("ws://localhost:" + TestIssuer.GATEWAY_PORT + "/ws/rooms/" + room + "/board"),
                h -> h.set("Origin", TestIssuer.GATEWAY).set("Cookie", cookie), null, 1 << 20);
        assertEquals(101, client.handshakeStatus.get(10, TimeUnit.SECONDS));
        String hello = client.next(Duration.ofSeconds(10));
        client.close();
        assertNotNull(hello, room);
        return hello.split(" ")[1];
    }

    @Test
    void sameRoomIdAlwaysLandsOnTheSameServer() throws Exception {
        String first = serverOf("workshop-42");
        for (int i = 0; i < 8; i++) {
            assertEquals(first, serverOf("workshop-42"));
        }
        String expected = RendezvousHashing.choose("workshop-42", instances.live().blockFirst(Duration.ofSeconds(5))).orElseThrow().getInstanceId();
        assertEquals(EchoServers.named(first).uri().getHost() + ":" + EchoServers.named(first).uri().getPort(), expected);
    }

    @Test
    void roomsSpreadOverBothServers() throws Exception {
        Map<String, String> owners = owners(24);

        assertTrue(owners.containsValue("A") && owners.containsValue("B"), owners.toString());
    }

    @Test
    void whenAServerLeavesTheListOnlyItsRoomsMoveAndTheyComeBackWhenItReturns() throws Exception {
        Map<String, String> before = owners(24);
        try {
            instances.replace(List.of(EchoServers.A.uri()));

            Map<String, String> withoutB = owners(24);
            before.forEach((room, server) -> assertEquals("A", withoutB.get(room), room + " was on " + server));
        } finally {
            instances.replace(EchoServers.both());
        }
        assertEquals(before, owners(24), "back on their owners once B is live again");
    }

    private Map<String, String> owners(int rooms) throws Exception {
        Map<String, String> owners = new LinkedHashMap<>();
        for (int i = 0; i < rooms; i++) {
            owners.put("room-" + i, serverOf("room-" + i));
        }
        return owners;
    }
}
