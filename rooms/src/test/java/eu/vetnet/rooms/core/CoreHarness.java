package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.protocol.HocuspocusProtocol;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import eu.vetnet.rooms.storage.InMemoryDocumentStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/** A core room server on two worker threads with in-memory storage and {@link TokenHook}; no transport. */
final class CoreHarness implements AutoCloseable {

    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final InMemoryDocumentStorage storage = new InMemoryDocumentStorage();
    final TokenHook tokens = new TokenHook();
    final RoomServer server;

    /** The wall clock the server reads awareness timeouts from; tests move it. */
    final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000_000);

    CoreHarness(RoomLimits limits, RoomHook... extra) {
        List<RoomHook> hooks = new ArrayList<>(List.of(tokens, storage));
        hooks.addAll(List.of(extra));
        server = new RoomServer(limits, hooks, Policies::forDocument, workers, timer, clock::get);
    }

    CoreHarness() {
        this(RoomLimits.defaults());
    }

    static RoomLimits limits(Function<RoomLimits, RoomLimits> change) {
        return change.apply(RoomLimits.defaults());
    }

    /** A y-websocket client of one document. */
    final class Client {
        final FakeSocket socket = new FakeSocket();
        final ClientConnection connection;
        final boolean hocuspocus;
        final YDoc doc;

        Client(String room, String document, String token, boolean hocuspocus, long clientId) {
            this.hocuspocus = hocuspocus;
            this.doc = new YDoc(clientId);
            connection = hocuspocus
                    ? server.connect(socket, HocuspocusProtocol.INSTANCE, room, null, token)
                    : server.connect(socket, YWebsocketProtocol.INSTANCE, room, document, token);
        }

        void send(byte[] frame) {
            connection.receive(frame);
        }

        /** Every sync message received for {@code document} (y-websocket: the only one), in order. */
        List<SyncMessage> syncMessages(String document) {
            List<SyncMessage> out = new ArrayList<>();
            for (byte[] f : socket.frames()) {
                Frames.Seen s = hocuspocus ? Frames.readHp(f) : Frames.readYws(f);
                if (s.type() == 0 && (!hocuspocus || s.doc().equals(document))) {
                    out.add(s.sync());
                }
            }
            return out;
        }

        List<Frames.Seen> seen() {
            return socket.frames().stream().map(f -> hocuspocus ? Frames.readHp(f) : Frames.readYws(f)).toList();
        }

        /** Applies every update the server sent to the local replica. */
        YDoc replica(String document) {
            YDoc d = new YDoc(doc.clientId() + 1_000_000);
            for (SyncMessage m : syncMessages(document)) {
                if (!(m instanceof SyncMessage.Step1)) {
                    d.applyUpdate(m.payload());
                }
            }
            return d;
        }

        Integer awaitClosed() {
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.closeCode() != null);
            return socket.closeCode();
        }

        void awaitFrames(int n) {
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.frames().size() >= n);
        }
    }

    Client yws(String room, String document, String token, long clientId) {
        return new Client(room, document, token, false, clientId);
    }

    Client hocuspocus(String room, long clientId) {
        return new Client(room, null, null, true, clientId);
    }

    /** A Hocuspocus socket whose upgrade carried {@code headerToken}, as the gateway's does. */
    Client hocuspocus(String room, long clientId, String headerToken) {
        return new Client(room, null, headerToken, true, clientId);
    }

    /** The server's document as JSON, read on the room's lane. */
    Map<String, String> json(String room, String document, Function<YDoc, Object> read) {
        Room r = server.openRoom(room);
        if (r == null) {
            return null;
        }
        return r.<Map<String, String>>inspect(docs -> {
            YDoc d = docs.get(document);
            return d == null ? null : Map.<String, String>of("value", String.valueOf(read.apply(d)));
        }).join();
    }

    /** One update of a local edit. */
    static byte[] edit(YDoc doc, java.util.function.Consumer<YDoc> change) {
        List<byte[]> out = new ArrayList<>();
        var sub = doc.onUpdate((u, o, t) -> out.add(u));
        doc.transact(t -> change.accept(doc));
        sub.close();
        return out.get(0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
