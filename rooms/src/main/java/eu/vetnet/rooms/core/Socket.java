package eu.vetnet.rooms.core;

/** The transport as the core sees it: one binary frame out, or a close. Implementations never block. */
public interface Socket {

    /** Queues one binary frame for the peer. */
    void send(byte[] frame);

    /** Closes the connection with a WebSocket close code ({@link CloseCodes}) and a short reason. */
    void close(int code, String reason);
}
