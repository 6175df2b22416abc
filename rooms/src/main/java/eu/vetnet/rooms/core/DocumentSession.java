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

    /** AUTHENTICATING until the hooks decide; then OPEN or REFUSED; CLOSED at the end. Changed only by the methods below. */
    enum State { AUTHENTICATING, OPEN, REFUSED, CLOSED }

    private final ClientConnection connection;
    private final String name;
    private State state = State.AUTHENTICATING;
    /** Messages that arrived while authenticating, handled once the session opens. */
    private final ArrayDeque<Incoming> held = new ArrayDeque<>();
    private RoomDocument document;
    private RoomUser user;
    private RoomRole role;
    /** Set when an update of this session was rejected: its client must discard its copy and rejoin. */
    private boolean rejected;
    /** Awareness client ids this session announced (and so owns) in its document. Read and changed by RoomDocument. */
    final Set<Long> awarenessClients = new HashSet<>();
    /** Closes the connection when the user's token expires without a renewal; replaced by each renewal. */
    private ScheduledFuture<?> expiry;
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

    boolean isAuthenticating() {
        return state == State.AUTHENTICATING;
    }

    State state() {
        return state;
    }

    RoomDocument document() {
        return document;
    }

    /** The hooks admitted {@code user} with {@code role} and {@code document} is loaded: the session opens. */
    void open(RoomDocument document, RoomUser user, RoomRole role) {
        this.document = document;
        this.user = user;
        this.role = role;
        this.state = State.OPEN;
    }

    /** A renewal for the same person: their new token (and its expiry) replaces the old one. */
    void renewed(RoomUser user) {
        this.user = user;
    }

    /** The hooks refused the session: nothing it held or sends later is handled. */
    void refuse() {
        state = State.REFUSED;
        held.clear();
    }

    /** Ends the session; returns whether it was open (then its document must let it go). */
    boolean close() {
        boolean wasOpen = state == State.OPEN;
        state = State.CLOSED;
        held.clear();
        cancelExpiry();
        return wasOpen;
    }

    /** Keeps a message that arrived while authenticating. */
    void hold(Incoming in) {
        held.add(in);
    }

    /** The next message held while authenticating, or null. */
    Incoming nextHeld() {
        return held.poll();
    }

    void markRejected() {
        rejected = true;
    }

    boolean isRejected() {
        return rejected;
    }

    /** Replaces the token-expiry timer. */
    void expireWith(ScheduledFuture<?> timer) {
        cancelExpiry();
        expiry = timer;
    }

    void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
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
