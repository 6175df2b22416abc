package eu.vetnet.gateway.websocket;

import io.netty.channel.EventLoop;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The gateway's upgrade of a browser socket, around Spring's handshake:
 * <ul>
 * <li>the upgrade runs on the connection's own Netty event loop. Loading the session, relaying (and perhaps
 * refreshing) the token and choosing the room server may finish on another thread; an upgrade done from there
 * races the client's first frame, which the HTTP codec can then swallow (STACK.md's first-frame trap,
 * reactor-netty#1089). On the event loop the 101 and the switch to WebSocket codecs happen before the next read.</li>
 * <li>the socket is remembered under its login session, so that logout closes it ({@link ProxiedSockets}).</li>
 * </ul>
 */
public final class TrackingWebSocketService implements WebSocketService {

    private final WebSocketService delegate;
    private final ProxiedSockets sockets;

    public TrackingWebSocketService(WebSocketService delegate, ProxiedSockets sockets) {
        this.delegate = delegate;
        this.sockets = sockets;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        return exchange.getSession().map(WebSession::getId).defaultIfEmpty("").flatMap(sessionId -> {
            WebSocketHandler tracked = new WebSocketHandler() {
                @Override
                public Mono<Void> handle(org.springframework.web.reactive.socket.WebSocketSession socket) {
                    sockets.add(sessionId, socket);
                    return handler.handle(socket).doFinally(signal -> sockets.remove(sessionId, socket));
                }

                @Override
                public java.util.List<String> getSubProtocols() {
                    return handler.getSubProtocols();
                }
            };
            Mono<Void> upgrade = Mono.defer(() -> delegate.handleRequest(exchange, tracked));
            EventLoop loop = eventLoop(exchange);
            return loop == null || loop.inEventLoop() ? upgrade : upgrade.subscribeOn(Schedulers.fromExecutor(loop));
        });
    }

    private static EventLoop eventLoop(ServerWebExchange exchange) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return nativeRequest instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
