package eu.vetnet.rooms.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A plain JDK WebSocket that records binary messages and the close it receives; for hostile and load tests. */
final class RawSocket implements WebSocket.Listener {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    final List<byte[]> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason;
    private final Consumer<WebSocket> onOpen;
    private ByteBuffer partial = ByteBuffer.allocate(0);
    WebSocket socket;

    private RawSocket(Consumer<WebSocket> onOpen) {
        this.onOpen = onOpen;
    }

    /** Connects; {@code onOpen} runs in the listener's onOpen, before any frame from the server is read. */
    static CompletableFuture<RawSocket> connect(String url, String token, String origin, Consumer<WebSocket> onOpen) {
        RawSocket listener = new RawSocket(onOpen);
        WebSocket.Builder b = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b.buildAsync(URI.create(url), listener).thenApply(ws -> listener);
    }

    static RawSocket open(String url, String token) {
        return connect(url, token, null, ws -> { }).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        onOpen.accept(webSocket);
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
        joined.put(partial).put(data).flip();
        if (last) {
            byte[] bytes = new byte[joined.remaining()];
            joined.get(bytes);
            received.add(bytes);
            partial = ByteBuffer.allocate(0);
        } else {
            partial = joined;
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(byte[] frame) {
        socket.sendBinary(ByteBuffer.wrap(frame), true).join();
    }
}
