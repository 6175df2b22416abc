package eu.vetnet.rooms.web;

import eu.vetnet.rooms.core.CloseCodes;
import eu.vetnet.rooms.core.Socket;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * The core's {@link Socket} over a WebFlux session. Outgoing frames are written straight to the Netty channel:
 * {@link #send} queues, {@link #flush} hands everything queued to the channel's event loop in one task that
 * writes the frames and flushes once (one hand-over and one syscall per batch, not per frame; a frame shared by
 * a room's broadcast is wrapped, not copied). A peer that stops reading would make Netty's outbound buffer grow
 * without end, so past {@code maxQueuedBytes} the socket is closed (1008): the client resyncs when it reconnects.
 */
final class WebFluxSocket implements Socket {

    /** RFC 6455: a close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    private final WebSocketSession session;
    private final Channel channel;
    private final long maxQueuedBytes;
    private List<byte[]> queued = new ArrayList<>(4);
    private boolean flushScheduled;
    private boolean done;

    WebFluxSocket(WebSocketSession session, Channel channel, long maxQueuedBytes) {
        this.session = session;
        this.channel = channel;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public synchronized void send(byte[] frame) {
        if (!done) {
            queued.add(frame);
        }
    }

    @Override
    public void flush() {
        synchronized (this) {
            if (done || flushScheduled || queued.isEmpty()) {
                return;
            }
            flushScheduled = true;
        }
        channel.eventLoop().execute(this::writeQueued);
    }

    /** Runs {@code task} on the channel's event loop (at once when called there). */
    void onEventLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }

    /** On the channel's event loop. */
    private void writeQueued() {
        List<byte[]> frames;
        synchronized (this) {
            flushScheduled = false;
            if (done) {
                return;
            }
            frames = queued;
            queued = new ArrayList<>(4);
        }
        writeAll(frames);
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        if (pending != null && pending.totalPendingWriteBytes() > maxQueuedBytes) {
            close(CloseCodes.POLICY_VIOLATION, "the client reads too slowly: more than " + maxQueuedBytes + " bytes waiting");
        }
    }

    /** Sends what is still queued (a refusal notice is often the last frame), then the close frame. */
    @Override
    public void close(int code, String reason) {
        List<byte[]> last;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            last = queued;
            queued = List.of();
        }
        CloseStatus status = new CloseStatus(code, truncate(reason));
        channel.eventLoop().execute(() -> {
            writeAll(last);
            session.close(status).subscribe();
        });
    }

    /** Writes the frames and flushes once. On the channel's event loop. */
    private void writeAll(List<byte[]> frames) {
        if (!channel.isActive() || frames.isEmpty()) {
            return;
        }
        for (byte[] frame : frames) {
            channel.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame)), channel.voidPromise());
        }
        channel.flush();
    }

    synchronized void finish() {
        done = true;
        queued = List.of();
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
