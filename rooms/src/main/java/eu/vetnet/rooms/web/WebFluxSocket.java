package eu.vetnet.rooms.web;

import eu.vetnet.rooms.core.Socket;
import java.nio.charset.StandardCharsets;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** The core's {@link Socket} over a WebFlux session: frames go through an unbounded sink, sent by Reactor Netty. */
final class WebFluxSocket implements Socket {

    /** RFC 6455: a close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    private final WebSocketSession session;
    private final Sinks.Many<WebSocketMessage> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private boolean done;

    WebFluxSocket(WebSocketSession session) {
        this.session = session;
    }

    Flux<WebSocketMessage> outbound() {
        return outbound.asFlux();
    }

    @Override
    public synchronized void send(byte[] frame) {
        if (!done) {
            outbound.tryEmitNext(session.binaryMessage(f -> f.wrap(frame)));
        }
    }

    @Override
    public void close(int code, String reason) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            outbound.tryEmitComplete();
        }
        session.close(new CloseStatus(code, truncate(reason))).subscribe();
    }

    synchronized void finish() {
        if (!done) {
            done = true;
            outbound.tryEmitComplete();
        }
    }

    static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        String cut = reason;
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }
}
