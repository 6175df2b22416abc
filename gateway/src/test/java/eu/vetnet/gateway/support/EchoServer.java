package eu.vetnet.gateway.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import eu.vetnet.identity.TokenRenewal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A stand-in room server: on every WebSocket upgrade it first sends a text frame describing what it got
 * ({@code hello <name> path=<path> authorization=<header> cookie=<header>}), then echoes every frame back, except the
 * gateway's token renewals, which it records with the upgrade (as a room server would take them, not echo them).
 */
public final class EchoServer implements AutoCloseable {

    /** One upgrade as the server saw it. */
    public record Upgrade(String path, String authorization, String cookie, String origin, List<String> renewals) {

        Upgrade(String path, String authorization, String cookie, String origin) {
            this(path, authorization, cookie, origin, new CopyOnWriteArrayList<>());
        }
    }

    /** Every frame any echo server received, as UTF-8 text. */
    public static final java.util.Set<String> RECEIVED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final String name;
    private final DisposableServer server;
    private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    public EchoServer(String name, int maxFrameBytes) {
        this.name = name;
        // Often the first Reactor Netty server of the test JVM, so it reads the keep-alive setting for all of them.
        eu.vetnet.identity.web.KeepAliveReads.apply();
        this.server = HttpServer.create().host("localhost").port(0)
                .handle((request, response) -> {
                    String auth = request.requestHeaders().get("Authorization");
                    String cookie = request.requestHeaders().get("Cookie");
                    String origin = request.requestHeaders().get("Origin");
                    String path = request.uri();
                    if (!"websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"))) {
                        // A plain request (the public API): say what arrived, as the hello of a socket does; the trace
                        // context the gateway forwarded comes back in a header.
                        String traceparent = request.requestHeaders().get("traceparent");
                        return response.header("Content-Type", "text/plain")
                                .header("X-Seen-Traceparent", traceparent == null ? "none" : traceparent)
                                .sendString(Mono.just("http " + name + " path=" + path + " authorization=" + auth + " cookie=" + cookie));
                    }
                    return response.sendWebsocket((in, out) -> {
                        Upgrade upgrade = new Upgrade(path, auth, cookie, origin);
                        upgrades.add(upgrade);
                        open.incrementAndGet();
                        in.withConnection(c -> c.onDispose(() -> {
                            open.decrementAndGet();
                            closed.incrementAndGet();
                        }));
                        String hello = "hello " + name + " path=" + path + " authorization=" + auth + " cookie=" + cookie;
                        Flux<WebSocketFrame> echoes = in.aggregateFrames(maxFrameBytes).receiveFrames()
                                // handle, not filter: a dropped frame would be released twice (discard hook, then receive)
                                .<WebSocketFrame>handle((f, sink) -> {
                                    if (!(f instanceof TextWebSocketFrame) && !(f instanceof BinaryWebSocketFrame)) {
                                        return;
                                    }
                                    String text = f.content().toString(StandardCharsets.UTF_8);
                                    String renewed = f instanceof TextWebSocketFrame ? TokenRenewal.tokenOf(text) : null;
                                    if (renewed != null) {
                                        upgrade.renewals().add(renewed);
                                    } else {
                                        RECEIVED.add(text);
                                        sink.next(f.retainedDuplicate());
                                    }
                                });
                        return out.sendObject(Flux.concat(Mono.just(new TextWebSocketFrame(hello)), echoes));
                    }, WebsocketServerSpec.builder().maxFramePayloadLength(maxFrameBytes).build());
                })
                .bindNow();
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.port());
    }

    public List<Upgrade> upgrades() {
        return upgrades;
    }

    public int openSockets() {
        return open.get();
    }

    public int closedSockets() {
        return closed.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
