package eu.vetnet.rooms.history;

import static org.awaitility.Awaitility.await;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.core.ClientConnection;
import eu.vetnet.rooms.core.RoomLimits;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.core.Socket;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The room server's core (no transport, no Spring) over real hooks, for history tests that need what the core does:
 * numbered updates, debounced stores, client-id ownership. Tokens are {@code user|ROLE}; clients speak y-websocket.
 */
final class CoreRooms implements AutoCloseable {

    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final RoomServer server;
    final Tokens tokens = new Tokens();

    CoreRooms(RoomLimits limits, RoomHook... hooks) {
        List<RoomHook> all = new ArrayList<>(List.of(tokens));
        all.addAll(List.of(hooks));
        server = new RoomServer(limits, all, Policies::forDocument, workers, timer);
    }

    /** Stands in for the JWT and access-list hooks: {@code user|ROLE}; counts the token renewals it checked. */
    static final class Tokens implements RoomHook {

        final java.util.concurrent.atomic.AtomicInteger renewals = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public int priority() {
            return 1000;
        }

        @Override
        public CompletionStage<Void> onAuthenticate(AuthenticatePayload p) {
            String[] parts = p.token().split("\\|");
            p.context().user(new RoomUser(parts[0], parts[0], parts[0] + " name", Set.of(), null));
            p.context().role(RoomRole.valueOf(parts[1]));
            if (p.renewal()) {
                renewals.incrementAndGet();
            }
            return DONE;
        }
    }

    /** A y-websocket client of one document with its own replica under a fixed client id. */
    final class Client implements Socket {

        final YDoc doc;
        final ClientConnection connection;
        private final List<byte[]> frames = new ArrayList<>();
        private Integer closeCode;

        Client(String room, String document, String user, RoomRole role, long clientId) {
            doc = new YDoc(clientId);
            connection = server.connect(this, YWebsocketProtocol.INSTANCE, room, document, user + "|" + role.name());
        }

        /** Asks for the server's document and applies the answer: afterwards edits build on what the room holds. */
        Client synced() {
            int before = step2s();
            connection.receive(YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Step1(doc.encodeStateVector())));
            await().atMost(Duration.ofSeconds(30)).until(() -> step2s() > before || closeCode() != null);
            for (SyncMessage m : syncMessages()) {
                if (m instanceof SyncMessage.Step2 s2) {
                    doc.applyUpdate(s2.payload());
                }
            }
            return this;
        }

        /** Makes a local change and sends it as one update; returns the update. */
        byte[] write(Consumer<YDoc> change) {
            List<byte[]> out = new ArrayList<>();
            var sub = doc.onUpdate((u, o, t) -> out.add(u));
            doc.transact(t -> change.accept(doc));
            sub.close();
            sendUpdate(out.get(0));
            return out.get(0);
        }

        /** Sends an update made anywhere (another person's replica, for instance). */
        void sendUpdate(byte[] update) {
            connection.receive(YWebsocketProtocol.INSTANCE.sync(null, new SyncMessage.Update(update)));
        }

        /** The socket closed (the transport tells the core). */
        void leave() {
            connection.closed();
        }

        /** True once the server sent a VET-NET rejection notice. */
        synchronized boolean rejected() {
            for (byte[] f : frames) {
                if (new Lib0Reader(f).readVarUintAsInt() == YWebsocketProtocol.VETNET_REJECTED) {
                    return true;
                }
            }
            return false;
        }

        private synchronized List<SyncMessage> syncMessages() {
            List<SyncMessage> out = new ArrayList<>();
            for (byte[] f : frames) {
                Lib0Reader r = new Lib0Reader(f);
                if (r.readVarUintAsInt() == YWebsocketProtocol.SYNC) {
                    out.add(SyncMessage.read(r));
                }
            }
            return out;
        }

        private int step2s() {
            return (int) syncMessages().stream().filter(m -> m instanceof SyncMessage.Step2).count();
        }

        synchronized Integer closeCode() {
            return closeCode;
        }

        @Override
        public synchronized void send(byte[] frame) {
            frames.add(frame);
        }

        @Override
        public synchronized void close(int code, String reason) {
            closeCode = code;
        }
    }

    Client join(String room, String document, String user, RoomRole role, long clientId) {
        return new Client(room, document, user, role, clientId).synced();
    }

    /** Stops without storing anything, as a killed process does: only what reached the log is kept. */
    void crash() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public void close() {
        server.shutdown().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
