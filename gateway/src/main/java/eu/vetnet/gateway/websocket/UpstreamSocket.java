package eu.vetnet.gateway.websocket;

import eu.vetnet.identity.TokenRenewal;
import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's side of a relayed socket toward the room server, as Spring Cloud Gateway's proxy handler sees it.
 * What the proxy sends through it (the browser's frames) passes unchanged, except text frames: no Yjs protocol uses
 * them, and on this hop a text frame is the gateway's own token renewal, which a browser must not be able to forge.
 * A browser's text frame closes its socket with 4400. Renewal frames are merged in from {@code renewals}.
 */
final class UpstreamSocket implements WebSocketSession {

    private static final Logger log = LoggerFactory.getLogger(UpstreamSocket.class);

    static final CloseStatus TEXT_REFUSED = new CloseStatus(4400, "text frames are not part of the protocol: send binary frames");

    private final WebSocketSession upstream;
    private final WebSocketSession browser;
    private final Flux<String> renewals;
    private final Function<Throwable, Mono<Void>> onSignInEnded;

    /**
     * @param renewals refreshed tokens to send; when it ends (the sign-in is over) {@code onSignInEnded} runs with
     *     the error, or null when it completed
     */
    UpstreamSocket(WebSocketSession upstream, WebSocketSession browser, Flux<String> renewals,
            Function<Throwable, Mono<Void>> onSignInEnded) {
        this.upstream = upstream;
        this.browser = browser;
        this.renewals = renewals;
        this.onSignInEnded = onSignInEnded;
    }

    @Override
    public Mono<Void> send(Publisher<WebSocketMessage> messages) {
        // handle, not filter: a filtered-out element would go to the discard hooks, and the payload's release is ours.
        Flux<WebSocketMessage> fromBrowser = Flux.from(messages).handle((message, sink) -> {
            if (message.getType() != WebSocketMessage.Type.TEXT) {
                sink.next(message);
                return;
            }
            DataBufferUtils.release(message.getPayload()); // the proxy retained it for us to send
            // Not from inside this onNext: closing while the frame is being delivered would release it twice.
            Schedulers.parallel().schedule(() -> browser.close(TEXT_REFUSED).subscribe());
        });
        // The renewals ending means the sign-in ended (completed: no session or no tokens left; failed: the issuer
        // refused the refresh): the handler closes the sockets, nothing more is sent. It runs detached: the close it
        // starts ends the browser's side, which cancels this flux, and a close cancelled mid-write would release
        // its close frame while Netty still writes it.
        Flux<WebSocketMessage> renewalFrames = renewals
                .map(token -> upstream.textMessage(TokenRenewal.frame(token)))
                .concatWith(Mono.fromRunnable(() -> signInEnded(null)))
                .onErrorResume(e -> Mono.fromRunnable(() -> signInEnded(e)));
        // The browser's side ending ends the merge: renewals are cancelled with the socket.
        Flux<WebSocketMessage> all = fromBrowser.publish(browserFrames -> Flux.merge(browserFrames,
                renewalFrames.takeUntilOther(browserFrames.ignoreElements().then(Mono.just(true)))));
        return upstream.send(all);
    }

    private void signInEnded(Throwable cause) {
        onSignInEnded.apply(cause).subscribe(null, e -> log.warn("closing the sockets of an ended sign-in failed", e));
    }

    @Override
    public String getId() {
        return upstream.getId();
    }

    @Override
    public HandshakeInfo getHandshakeInfo() {
        return upstream.getHandshakeInfo();
    }

    @Override
    public DataBufferFactory bufferFactory() {
        return upstream.bufferFactory();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return upstream.getAttributes();
    }

    @Override
    public Flux<WebSocketMessage> receive() {
        return upstream.receive();
    }

    @Override
    public boolean isOpen() {
        return upstream.isOpen();
    }

    @Override
    public Mono<Void> close(CloseStatus status) {
        return upstream.close(status);
    }

    @Override
    public Mono<CloseStatus> closeStatus() {
        return upstream.closeStatus();
    }

    @Override
    public WebSocketMessage textMessage(String payload) {
        return upstream.textMessage(payload);
    }

    @Override
    public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return upstream.binaryMessage(payloadFactory);
    }

    @Override
    public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return upstream.pingMessage(payloadFactory);
    }

    @Override
    public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return upstream.pongMessage(payloadFactory);
    }
}
