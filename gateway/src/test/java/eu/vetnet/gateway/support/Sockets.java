package eu.vetnet.gateway.support;

import eu.vetnet.testkit.GatewayBrowser;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** A WebSocket client that sets any header a browser would (Origin, Cookie) and records what comes back. */
public final class Sockets {

    private Sockets() {
    }

    /** An open client socket: what it received, how it closed, and a way to send. */
    public static final class Client {
        public final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        public final CompletableFuture<Integer> handshakeStatus = new CompletableFuture<>();
        final Sinks.Many<WebSocketFrame> outgoing = Sinks.many().unicast().onBackpressureBuffer();

        /** Sends {@code text} as UTF-8 in a binary frame, as Yjs clients send everything. */
        public void send(String text) {
            outgoing.emitNext(new BinaryWebSocketFrame(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)),
                    Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }

        /** Sends a text frame, which no Yjs protocol uses. */
        public void sendText(String text) {
            outgoing.emitNext(new TextWebSocketFrame(text), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }

        public void close() {
            outgoing.tryEmitComplete();
        }

        public String next(Duration timeout) throws InterruptedException {
            return received.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens a socket. {@code firstFrame}, if not null, is sent in the same breath as the upgrade completes, as a
     * Yjs client sends sync step 1. Handshake failures complete {@link Client#handshakeStatus} with the HTTP status.
     */
    public static Client open(URI uri, Consumer<HttpHeaders> headers, String firstFrame, int maxFrameBytes) {
        Client client = new Client();
        if (firstFrame != null) {
            client.send(firstFrame);
        }
        HttpClient.create()
                .headers(headers)
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(maxFrameBytes).build())
                .uri(uri)
                .handle((in, out) -> {
                    client.handshakeStatus.complete(101);
                    in.receiveCloseStatus().subscribe(s -> client.closeCode.complete(s.code()));
                    Mono<Void> reading = in.aggregateFrames(maxFrameBytes).receive().asString()
                            .doOnNext(client.received::add).then();
                    // close() ends the outgoing stream; then a close frame ends the socket as a browser's close() does.
                    Mono<Void> writing = out.sendObject(client.outgoing.asFlux()).then().then(out.sendClose());
                    return Mono.when(reading, writing);
                })
                .doOnError(e -> {
                    client.handshakeStatus.complete(statusOf(e));
                    client.closeCode.complete(-1);
                })
                .doFinally(s -> client.closeCode.complete(-1))
                .subscribe();
        return client;
    }

    /**
     * A signed-in browser's room socket through the gateway at {@code gateway} (http://host:port), with the browser's
     * Origin and cookie; fails unless the upgrade succeeds.
     */
    public static Client openRoom(String gateway, GatewayBrowser browser, String room) throws Exception {
        Client client = open(URI.create(gateway.replaceFirst("^http", "ws") + "/ws/rooms/" + room),
                h -> h.set("Origin", gateway).set("Cookie", browser.cookieHeader()), null, 1 << 20);
        int status = client.handshakeStatus.get(10, java.util.concurrent.TimeUnit.SECONDS);
        if (status != 101) {
            throw new AssertionError("the upgrade of room socket " + room + " answered " + status);
        }
        return client;
    }

    private static int statusOf(Throwable e) {
        // reactor-netty: "Invalid handshake response getStatus: 403 Forbidden"
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{3})").matcher(String.valueOf(e.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

}
