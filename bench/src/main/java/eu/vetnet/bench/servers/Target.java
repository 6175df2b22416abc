package eu.vetnet.bench.servers;

import java.io.IOException;
import java.net.URI;

/** A server the harness drives: both speak the Hocuspocus protocol, so the load is byte for byte the same. */
public interface Target extends AutoCloseable {

    String name();

    void start() throws Exception;

    ServerProcess process();

    /** Makes a room with {@code writers} users allowed to write its documents; returns its id. */
    String prepareRoom(String label, int writers) throws IOException, InterruptedException;

    /** The socket URL a client of {@code room} connects to. */
    URI socketUri(String room);

    /** The document name on the wire for document {@code doc} of {@code room}. */
    String documentName(String room, String doc);

    /** The token client {@code user} authenticates with (index into the writers of its room). */
    String token(int user);

    /** The token of the room's owner, who may write every document (the B4 upload). */
    String ownerToken();

    /** Bytes of live heap (right after {@link #collectGarbage}), where the server can tell; -1 otherwise. */
    default long liveHeapBytes() throws IOException, InterruptedException {
        return -1;
    }

    /** Runs a full garbage collection in the server when it can be asked to (before a memory reading). */
    void collectGarbage() throws IOException, InterruptedException;
}
