package eu.vetnet.gateway.websocket;

import io.netty.channel.EventLoop;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Performs the WebSocket handshake on the connection's own Netty event loop, whatever thread the request got there
 * on (docs/reliability.md, the first-frame trap).
 *
 * <p>With sessions in Redis, the session is read, and saved by the response's pre-commit action, over Lettuce: the
 * request then continues on a Lettuce thread, and so would the handshake. Done off the event loop, the handshake
 * races the client's first frame, which a Yjs client sends the moment the socket opens: under load a few first
 * frames in a hundred were lost through the Redis-backed gateway (TwoGatewaysIntegrationTests). So the pre-commit
 * actions run first, here, and the handshake is then handed to the event loop. With sessions in memory nothing hops
 * threads and the handshake runs at once, as before.
 */
final class EventLoopUpgradeStrategy implements RequestUpgradeStrategy {

    private final RequestUpgradeStrategy delegate;

    EventLoopUpgradeStrategy(RequestUpgradeStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
            Supplier<HandshakeInfo> handshakeInfoFactory) {
        Mono<Void> handshake = Mono.defer(() -> delegate.upgrade(exchange, handler, subProtocol, handshakeInfoFactory));
        Object response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        if (!(response instanceof Connection connection)) {
            return handshake;
        }
        EventLoop loop = connection.channel().eventLoop();
        // setComplete() runs the pre-commit actions (the session's save) now; the delegate's own setComplete() then
        // finds the response committed and goes straight to the handshake, on the thread we give it.
        return exchange.getResponse().setComplete()
                .then(Mono.defer(() -> loop.inEventLoop() ? handshake : handshake.subscribeOn(Schedulers.fromExecutor(loop))));
    }
}
