package eu.vetnet.gateway.websocket;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import reactor.core.publisher.Mono;

/**
 * The client Spring Cloud Gateway opens room-server sockets with: the real one, with each upstream side wrapped in an
 * {@link UpstreamSocket} that sends the session's refreshed access tokens (docs/gateway.md, "Token renewal") and
 * refuses the browser's text frames. Which session a socket belongs to comes from the Reactor context the handshake
 * put there ({@link TrackingWebSocketService}); a socket without one (none in this gateway) is relayed as it is.
 */
public final class RenewingWebSocketClient implements WebSocketClient {

    private final WebSocketClient delegate;
    private final TokenRenewals renewals;
    private final SignInEnded signInEnded;

    public RenewingWebSocketClient(WebSocketClient delegate, TokenRenewals renewals, SignInEnded signInEnded) {
        this.delegate = delegate;
        this.renewals = renewals;
        this.signInEnded = signInEnded;
    }

    @Override
    public Mono<Void> execute(URI url, WebSocketHandler handler) {
        return execute(url, new HttpHeaders(), handler);
    }

    @Override
    public Mono<Void> execute(URI url, HttpHeaders headers, WebSocketHandler handler) {
        return Mono.deferContextual(context -> {
            RelayedSocket socket = context.getOrDefault(RelayedSocket.class, null);
            if (socket == null) {
                return delegate.execute(url, headers, handler);
            }
            WebSocketHandler wrapped = new WebSocketHandler() {
                @Override
                public Mono<Void> handle(org.springframework.web.reactive.socket.WebSocketSession upstream) {
                    return handler.handle(new UpstreamSocket(upstream, socket.browser(), renewals.of(socket),
                            error -> signInEnded.ended(socket, error)));
                }

                @Override
                public java.util.List<String> getSubProtocols() {
                    return handler.getSubProtocols();
                }
            };
            return delegate.execute(url, headers, wrapped);
        });
    }
}
