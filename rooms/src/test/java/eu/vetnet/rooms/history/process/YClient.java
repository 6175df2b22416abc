package eu.vetnet.rooms.history.process;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.protocol.SyncMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A y-websocket client in Java (the y-protocols sync messages through the engine's codec): syncs a document
 * with a room server, sends its local edits as updates, applies what it receives. All document access is
 * synchronized on the client.
 */
public final class YClient implements WebSocket.Listener, AutoCloseable {

    final YDoc doc = new YDoc();
    final CompletableFuture<Void> synced = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** The server's notice that an update of this client was refused ("discard the local copy"), if one came. */
    final CompletableFuture<String> rejected = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private WebSocket socket;

    static YClient connect(String wsBase, String room, String document, String token) {
        return connect(wsBase, room, document, token, null);
    }

    /** A client that already holds {@code state} (a reconnect: what it edited offline is synced by step 1/2). */
    static YClient connect(String wsBase, String room, String document, String token, byte[] state) {
        YClient c = new YClient();
        c.doc.getText("text");
        if (state != null) {
            c.doc.applyUpdate(state, c);
        }
        c.doc.onUpdate((update, origin, txn) -> {
            if (origin != c) {
                c.send(new SyncMessage.Update(update));
            }
        });
        HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(wsBase + "/ws/rooms/" + room + "/" + document), c)
                .whenComplete((ws, err) -> {
                    if (err != null) {
                        c.closed.complete(-1);
                        c.synced.completeExceptionally(err);
                    }
                });
        return c;
    }

    /** Connects and waits for the first sync; empty when the server refused or closed first. */
    public static YClient syncedOrNull(String wsBase, String room, String document, String token) {
        return syncedOrNull(wsBase, room, document, token, null);
    }

    public static YClient syncedOrNull(String wsBase, String room, String document, String token, byte[] state) {
        YClient c = connect(wsBase, room, document, token, state);
        try {
            CompletableFuture.anyOf(c.synced, c.closed).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            c.close();
            return null;
        }
        if (!c.synced.isDone() || c.synced.isCompletedExceptionally()) {
            c.close();
            return null;
        }
        return c;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        byte[] sv;
        synchronized (this) {
            sv = doc.encodeStateVector();
        }
        send(new SyncMessage.Step1(sv));
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.writeBytes(chunk);
        if (last) {
            byte[] frame = partial.toByteArray();
            partial.reset();
            handle(frame);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(byte[] frame) {
        Lib0Reader r = new Lib0Reader(frame);
        int type = r.readVarUintAsInt();
        if (type == eu.vetnet.rooms.protocol.YWebsocketProtocol.VETNET_REJECTED) {
            rejected.complete(r.readVarString());
            return;
        }
        if (type != 0) {
            return; // awareness and others: not needed here
        }
        SyncMessage m = SyncMessage.read(r);
        synchronized (this) {
            if (m instanceof SyncMessage.Step1 s) {
                send(new SyncMessage.Step2(doc.encodeStateAsUpdate(s.stateVector())));
            } else if (m instanceof SyncMessage.Step2 s) {
                doc.applyUpdate(s.update(), this);
                synced.complete(null);
            } else if (m instanceof SyncMessage.Update u) {
                doc.applyUpdate(u.update(), this);
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    void send(SyncMessage m) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(0);
        m.write(w);
        WebSocket s = socket;
        if (s != null && !closed.isDone()) {
            synchronized (s) {
                try {
                    s.sendBinary(ByteBuffer.wrap(w.toByteArray()), true).join();
                } catch (RuntimeException e) {
                    // the server went away: the edit stays in the document and is synced on reconnect
                }
            }
        }
    }

    /** Appends to the shared text (sent to the server as an update). */
    public synchronized void append(String text) {
        doc.getText("text").insert(doc.getText("text").length(), text);
    }

    /** Any change to the client's copy of the document, sent to the server as one update. */
    public synchronized void change(java.util.function.Consumer<YDoc> change) {
        doc.transact(t -> change.accept(doc));
    }

    /** A random insertion or deletion at a random place. */
    synchronized void edit(java.util.Random random) {
        var text = doc.getText("text");
        int length = text.length();
        if (length > 0 && random.nextInt(4) == 0) {
            int at = random.nextInt(length);
            text.delete(at, Math.min(1 + random.nextInt(3), length - at));
        } else {
            StringBuilder b = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            text.insert(random.nextInt(length + 1), b.toString());
        }
    }

    synchronized byte[] state() {
        return doc.encodeStateAsUpdate();
    }

    synchronized String text() {
        return doc.getText("text").toString();
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
    }
}
