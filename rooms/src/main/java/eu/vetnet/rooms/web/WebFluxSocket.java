package eu.vetnet.rooms.web;

import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.core.Socket;
import java.nio.charset.StandardCharsets;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The core's {@link Socket} over a WebFlux session: frames go through a sink that Reactor Netty drains as the
 * peer reads. A peer that stops reading would make it grow without end, so past {@code maxQueuedBytes} the
 * socket is closed (1008): the client resyncs when it reconnects.
 */
final class WebFluxSocket implements Socket {

    /** RFC 6455: a close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    private final WebSocketSession session;
    private final Sinks.Many<WebSocketMessage> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final long maxQueuedBytes;
    private long queuedBytes;
    private boolean done;

    WebFluxSocket(WebSocketSession session, long maxQueuedBytes) {
        this.session = session;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    Flux<WebSocketMessage> outbound() {
        return outbound.asFlux().doOnNext(m -> dequeued(m.getPayload().readableByteCount()));
    }

    private synchronized void dequeued(int bytes) {
        queuedBytes -= bytes;
    }

    @Override
    public void send(byte[] frame) {
        boolean tooSlow;
        synchronized (this) {
            if (done) {
                return;
            }
            queuedBytes += frame.length;
            tooSlow = queuedBytes > maxQueuedBytes;
            if (!tooSlow) {
                outbound.tryEmitNext(session.binaryMessage(f -> f.wrap(frame)));
            }
        }
        if (tooSlow) {
            close(CloseCodes.POLICY_VIOLATION, "the client reads too slowly: more than " + maxQueuedBytes + " bytes waiting");
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
