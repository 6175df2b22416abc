package eu.vetnet.rooms.core;

import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.protocol.Incoming;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * The pairing of one connection with one document (Hocuspocus's "Connection"): its own authentication,
 * role and read-only flag, so one socket may carry a writable, a read-only and a refused document.
 * Touched only on the room's lane.
 */
public final class DocumentSession {

    enum State { AUTHENTICATING, OPEN, REFUSED, CLOSED }

    private final ClientConnection connection;
    private final String name;
    State state = State.AUTHENTICATING;
    final ArrayDeque<Incoming> queued = new ArrayDeque<>();
    RoomDocument document;
    RoomUser user;
    RoomRole role;
    /** Set when an update of this session was rejected: its client must discard its copy and rejoin. */
    boolean rejected;
    final Set<Long> awarenessClients = new HashSet<>();
    /** Closes the connection when the user's token expires without a renewal; replaced by each renewal. */
    ScheduledFuture<?> expiry;
    final RateLimiter awarenessRate;
    /** Sync step 1 requests (each answered with an encoding of what the client lacks). */
    final RateLimiter syncRequests;

    DocumentSession(ClientConnection connection, String name, RoomLimits limits) {
        this.connection = connection;
        this.name = name;
        this.awarenessRate = new RateLimiter(limits.awarenessPerSecond(), Math.max(1, limits.awarenessPerSecond() * 2));
        this.syncRequests = new RateLimiter(limits.syncRequestsPerSecond(), Math.max(1, limits.syncRequestsPerSecond() * 2));
    }

    public ClientConnection connection() {
        return connection;
    }

    public String name() {
        return name;
    }

    public RoomUser user() {
        return user;
    }

    public RoomRole role() {
        return role;
    }

    public boolean writable() {
        return role != null && role.writes();
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    void send(byte[] frame) {
        if (frame != null) {
            connection.send(frame);
        }
    }

    @Override
    public String toString() {
        return "session " + name + " of " + connection;
    }
}
