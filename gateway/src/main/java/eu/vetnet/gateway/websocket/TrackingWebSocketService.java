package eu.vetnet.gateway.websocket;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Spring's handshake, remembering each browser socket under its login session so that logout closes it
 * ({@link ProxiedSockets}).
 *
 * <p>On the first-frame trap (docs/reliability.md, the first-frame trap): what protects the first frame here is that the
 * {@code /ws/**} security chain only reads the session, never creates one or saves a request. FirstFrameTests
 * holds it (400 sockets, 0 lost). With sessions in Redis the request reaches the handshake on a Lettuce thread,
 * and there first frames were lost (a few in a hundred, under load): {@link EventLoopUpgradeStrategy} hands the
 * handshake back to the connection's event loop.
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
            // The socket's session travels to the upstream connection (RenewingWebSocketClient) in the context.
            WebSocketHandler tracked = new WebSocketHandler() {
                @Override
                public Mono<Void> handle(org.springframework.web.reactive.socket.WebSocketSession socket) {
                    sockets.add(sessionId, socket);
                    return handler.handle(socket)
                            .contextWrite(Context.of(RelayedSocket.class, new RelayedSocket(sessionId, exchange, socket)))
                            .doFinally(signal -> sockets.remove(sessionId, socket));
                }

                @Override
                public java.util.List<String> getSubProtocols() {
                    return handler.getSubProtocols();
                }
            };
            return delegate.handleRequest(exchange, tracked);
        });
    }
}
