package eu.vetnet.rooms.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket first-frame trap (docs/reliability.md, the first-frame trap): with a session-creating security chain the
 * upgrade leaves the event loop and a client's first frame can be lost. A Yjs client sends sync step 1 the
 * moment the socket opens; every one of hundreds of such sockets must get its step 2.
 */
class FirstFrameIntegrationTests extends RoomsIntegrationTestSupport {

    private static final int SOCKETS = 300;

    @Test
    void hundredsOfSocketsSendingTheirFirstFrameAtOnceAllGetAnAnswer() {
        String room = room();
        String token = alice();
        byte[] step1 = YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Step1(new byte[] {0}));
        List<CompletableFuture<RawSocket>> opening = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            opening.add(RawSocket.connect(wsUrl() + "/ws/rooms/" + room + "/scratch", token, null,
                    ws -> ws.sendBinary(ByteBuffer.wrap(step1), true)));
        }
        List<RawSocket> sockets = opening.stream().map(CompletableFuture::join).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> sockets.stream().filter(FirstFrameIntegrationTests::gotStep2).count() == SOCKETS);
        assertEquals(SOCKETS, sockets.stream().filter(FirstFrameIntegrationTests::gotStep2).count());
        sockets.forEach(s -> s.socket.abort());
    }

    private static boolean gotStep2(RawSocket s) {
        for (byte[] f : s.received) {
            Lib0Reader r = new Lib0Reader(f);
            if (r.readVarUintAsInt() == YWebsocketProtocol.SYNC && SyncMessage.read(r) instanceof SyncMessage.Step2) {
                return true;
            }
        }
        return false;
    }
}
