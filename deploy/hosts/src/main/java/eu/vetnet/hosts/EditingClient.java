package eu.vetnet.hosts;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.crdt.protocol.SyncSession;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One browser tab in a room, through the load balancer: a y-websocket client (the engine's sync codec) on the room's
 * "notes" document, signed in by its {@link Account}'s session cookie. Like the app, it keeps its document across
 * connections and reconnects after any close with a short backoff, sending what it holds; a refused upgrade (a session
 * lost with Redis) signs in again first. Records what it wrote, when it first saw each word of others, and how often
 * it had to reconnect.
 */
final class EditingClient implements WebSocket.Listener {

    private static final String DOCUMENT = "notes";
    private static final String TEXT = "text";

    private final HttpClient http;
    private final Account account;
    private final URI socketUri;
    private final String origin;
    final String name;
    private final YDoc doc = new YDoc();
    /** Words this client wrote, in order. */
    final List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Words of others, with the {@link System#nanoTime} this client first held them. */
    final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger rejections = new AtomicInteger();
    private volatile WebSocket socket;
    /** The sync of the current connection (a new one per connection: "synced" means this one got step 2). */
    private volatile SyncSession sync;
    private volatile boolean stopped;
    private volatile long backoffMillis = 100;
    private int scannedLength;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    EditingClient(HttpClient http, Account account, String publicUrl, String room, String name) {
        this.http = http;
        this.account = account;
        this.socketUri = URI.create(publicUrl.replaceFirst("^http", "ws") + "/ws/rooms/" + room + "/" + DOCUMENT);
        this.origin = publicUrl;
        this.name = name;
        doc.getText(TEXT);
        doc.onUpdate((update, updateOrigin, txn) -> {
            if (updateOrigin != this) {
                send(new SyncMessage.Update(update));
            }
        });
    }

    void connect() {
        if (stopped) {
            return;
        }
        http.newWebSocketBuilder()
                .header("Cookie", account.cookieHeader())
                .header("Origin", origin)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(socketUri, this)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                        if (cause instanceof WebSocketHandshakeException refused
                                && refused.getResponse().statusCode() / 100 != 5) {
                            account.signInAgain();
                        }
                        reconnectLater();
                    }
                });
    }

    private void reconnectLater() {
        if (stopped) {
            return;
        }
        long delay = backoffMillis;
        backoffMillis = Math.min(2_000, backoffMillis * 2);
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(this::connect);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        SyncMessage step1;
        synchronized (this) {
            sync = new SyncSession(doc, true);
            step1 = sync.start();
        }
        socket = webSocket; // after the new sync: synced() never reads the last connection's
        connects.incrementAndGet();
        send(step1);
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
        if (type == YWebsocketProtocol.VETNET_REJECTED) {
            rejections.incrementAndGet();
            System.out.println("  " + name + " was refused an update: " + r.readVarString());
            return;
        }
        if (type != YWebsocketProtocol.SYNC) {
            return;
        }
        SyncMessage m = SyncMessage.read(r);
        synchronized (this) {
            if (sync.handle(m, this) instanceof SyncSession.Outcome.Reply reply) {
                reply.messages().forEach(this::send);
            }
            if (sync.synced()) {
                backoffMillis = 100;
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost(webSocket);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost(webSocket);
    }

    private void lost(WebSocket webSocket) {
        if (socket == webSocket) {
            socket = null;
            partial.reset();
            reconnectLater();
        }
    }

    private void send(SyncMessage message) {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(YWebsocketProtocol.SYNC);
        message.write(w);
        WebSocket s = socket;
        if (s == null) {
            return; // held in the document: sent by the sync of the next connection
        }
        synchronized (s) {
            try {
                s.sendBinary(ByteBuffer.wrap(w.toByteArray()), true).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                s.abort(); // onError follows: reconnect, and the sync sends what this one did not
            }
        }
    }

    /** Appends one word to the shared text (one update). */
    void write(String word) {
        written.add(word);
        synchronized (this) {
            var text = doc.getText(TEXT);
            text.insert(text.length(), word + " ");
        }
    }

    /**
     * Notes the first time each word is held here. The text only grows, at its end (every update is one whole "word "),
     * so only the tail is read, from a margin behind the last scan (concurrent appends may land just before the end).
     */
    void scan() {
        String tail;
        boolean startsInsideAWord;
        synchronized (this) {
            String text = doc.getText(TEXT).toString();
            int from = Math.max(0, scannedLength - 2_000);
            startsInsideAWord = from > 0;
            tail = text.substring(from);
            scannedLength = text.length();
        }
        long now = System.nanoTime();
        String[] words = tail.split(" ");
        for (int i = startsInsideAWord ? 1 : 0; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                seenAt.putIfAbsent(words[i], now);
            }
        }
    }

    synchronized String text() {
        return doc.getText(TEXT).toString();
    }

    boolean synced() {
        SyncSession current = sync;
        return socket != null && current != null && current.synced();
    }

    void stop() {
        stopped = true;
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
    }
}
