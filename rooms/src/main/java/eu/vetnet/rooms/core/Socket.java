package eu.vetnet.rooms.core;

/** The transport as the core sees it: one binary frame out, or a close. Implementations never block. */
public interface Socket {

    /** Queues one binary frame for the peer; it may wait for {@link #flush}. */
    void send(byte[] frame);

    /**
     * Sends what {@link #send} queued. The core calls it once per socket at the end of each batch of a room's
     * lane, so that a burst of frames costs one hand-over to the transport's I/O thread, not one per frame.
     */
    default void flush() {
    }

    /** Closes the connection with a WebSocket close code ({@link CloseCodes}) and a short reason. */
    void close(int code, String reason);
}
