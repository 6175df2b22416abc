package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.core.ClientConnection;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.time.Duration;

/**
 * An observer on the y-websocket endpoint who joined before anything was written: what it received, applied in order
 * to its own replica, must be what the server holds. This is how a case sees that the room still broadcasts.
 */
final class Watcher {

    private final SignalSocket socket = new SignalSocket();
    private final ClientConnection connection;
    private int applied;
    private final YDoc replica = new YDoc(7);

    Watcher(PolicyRoom room, String roomId, String document, String token) {
        connection = room.server.connect(socket, YWebsocketProtocol.INSTANCE, roomId, document, token);
        if (!socket.await(0, frames -> !frames.isEmpty(), PolicyRoom.WAIT) || socket.closeCode() != null) {
            throw new PolicyRoom.Stalled("the watcher of " + document + " got no sync step 1 (closed: " + socket.closeCode() + ")");
        }
    }

    /** Asks for the whole document (sync step 1 with an empty state vector), as a client joining a loaded room. */
    void syncAll() {
        int from = socket.size();
        connection.receive(YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Step1(new byte[] {0})));
        boolean answered = socket.await(from, frames -> frames.stream().anyMatch(f -> {
            Lib0Reader r = new Lib0Reader(f);
            return r.readVarUintAsInt() == 0 && r.readVarUintAsInt() == SyncMessage.STEP2;
        }), PolicyRoom.WAIT);
        if (!answered || socket.closeCode() != null) {
            throw new PolicyRoom.Stalled("the watcher got no answer to its sync step 1 (closed: " + socket.closeCode() + ")");
        }
    }

    /** The number of frames received so far. */
    int frames() {
        return socket.size();
    }

    /** Waits until a frame after {@code index} arrived; false when none came within {@code timeout}. */
    boolean awaitFrameAfter(int index, Duration timeout) {
        return socket.await(index, frames -> !frames.isEmpty(), timeout) && socket.closeCode() == null;
    }

    /** The replica after applying every update received so far. */
    YDoc replica() {
        for (byte[] f : socket.framesFrom(applied)) {
            applied++;
            Lib0Reader r = new Lib0Reader(f);
            if (r.readVarUintAsInt() != 0) {
                continue; // awareness
            }
            SyncMessage m = SyncMessage.read(r);
            if (!(m instanceof SyncMessage.Step1)) {
                replica.applyUpdate(m.payload());
            }
        }
        return replica;
    }

    Integer closeCode() {
        return socket.closeCode();
    }

    void leave() {
        connection.closed();
    }
}
