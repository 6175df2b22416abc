package eu.vetnet.rooms.core;

import eu.vetnet.rooms.protocol.Protocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client socket in one room. A y-websocket socket carries one document (named by its URL), a Hocuspocus
 * socket several. {@link #receive} is called by the transport, one frame at a time; everything else runs on
 * the room's lane.
 */
public final class ClientConnection {

    private static final AtomicLong IDS = new AtomicLong();
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final long id = IDS.incrementAndGet();
    final RoomServer server;
    final Room room;
    final Socket socket;
    final Protocol protocol;
    final String fixedDocument;
    /**
     * The identity the gateway established: the upgrade's bearer token, replaced by each renewal. When set, it is the
     * token of every document this socket opens; a token in a Hocuspocus auth message never replaces it. On the lane.
     */
    String headerToken;
    final Map<String, DocumentSession> sessions = new LinkedHashMap<>();
    private final RateLimiter messageRate;
    private volatile boolean closed;
    int messagesBeforeAuthentication;
    boolean authenticatedOnce;
    /** The person this socket is counted for in the per-person socket cap, once a document opened; null before. */
    String countedUser;
    ScheduledFuture<?> deadline;
    private boolean flushPending;
    /** Bytes received and not yet handled on the lane, and who waits for them to drop (see {@link #readyForMore}). */
    private final Object backlogLock = new Object();
    private long backlogBytes;
    private CompletableFuture<Void> roomForMore;
    /** Bytes received, against limits.inboundBytesPerSecond; read by the transport thread only. */
    private final RateLimiter inboundBytes;
    /** System.nanoTime before which the socket is not read again (the byte rate is in debt); transport thread only. */
    private long readAgainAt;

    ClientConnection(RoomServer server, Room room, Socket socket, Protocol protocol, String fixedDocument,
            String headerToken) {
        this.server = server;
        this.room = room;
        this.socket = socket;
        this.protocol = protocol;
        this.fixedDocument = fixedDocument;
        this.headerToken = headerToken;
        RoomLimits limits = server.limits();
        this.messageRate = new RateLimiter(limits.messagesPerSecond(), limits.messageBurst());
        this.inboundBytes = new RateLimiter(limits.inboundBytesPerSecond(), 4.0 * limits.maxMessageBytes());
    }

    /** Starts the connection: the authentication deadline, and on single-document endpoints the document's authentication. */
    void start() {
        deadline = server.timer().schedule(() -> room.lane.execute(() -> {
            if (!authenticatedOnce) {
                close(CloseCodes.AUTHENTICATION_TIMEOUT, "not authenticated within "
                        + server.limits().authenticationTimeout().toSeconds() + " s");
            }
        }), server.limits().authenticationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!protocol.multiplexed()) {
            room.lane.execute(() -> server.dispatcher().authenticate(this, fixedDocument, headerToken));
        }
    }

    /** One binary frame from the client. Called by the transport, never concurrently for one socket. */
    public void receive(byte[] frame) {
        if (closed) {
            return;
        }
        if (frame.length > server.limits().maxMessageBytes()) {
            close(CloseCodes.MESSAGE_TOO_BIG, "message of " + frame.length + " bytes over the limit of "
                    + server.limits().maxMessageBytes());
            return;
        }
        long debt = inboundBytes.take(frame.length);
        if (debt > 0) {
            readAgainAt = System.nanoTime() + debt;
        }
        onLane(frame.length, () -> server.dispatcher().dispatch(this, frame));
    }

    /**
     * Backpressure to the socket (docs/rooms.md, "Core classes and threading"): completes once what this socket sent and the lane has not
     * handled yet is at most one message's worth ({@code max-message-bytes}). The transport reads the next frame only
     * then, so a fast sender fills its own TCP window instead of the server's memory, and the lane's queue holds at
     * most about two messages per socket. Past {@code inbound-bytes-per-second} (after a burst of four messages) it
     * also waits until the rate is paid back: a flood is slowed to that rate, and no honest sender is closed for it.
     */
    public CompletableFuture<Void> readyForMore() {
        CompletableFuture<Void> lane = laneHasRoom();
        long wait = readAgainAt - System.nanoTime();
        if (wait <= 0 || closed) {
            return lane;
        }
        // Over the byte rate: read again once it is paid back (and the lane has room), not before.
        CompletableFuture<Void> paidBack = new CompletableFuture<>();
        try {
            server.timer().schedule(() -> paidBack.complete(null), wait, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            paidBack.complete(null);
        }
        return lane.thenCombine(paidBack, (a, b) -> null);
    }

    private CompletableFuture<Void> laneHasRoom() {
        synchronized (backlogLock) {
            if (closed || backlogBytes <= server.limits().maxMessageBytes()) {
                return DONE;
            }
            if (roomForMore == null) {
                roomForMore = new CompletableFuture<>();
            }
            return roomForMore;
        }
    }

    private void backlog(long delta) {
        CompletableFuture<Void> wake = null;
        synchronized (backlogLock) {
            backlogBytes += delta;
            if (roomForMore != null && (closed || backlogBytes <= server.limits().maxMessageBytes())) {
                wake = roomForMore;
                roomForMore = null;
            }
        }
        if (wake != null) {
            wake.complete(null);
        }
    }

    /**
     * A text frame: no Yjs protocol uses them; the only one accepted is a token renewal
     * ({@link eu.vetnet.identity.TokenRenewal}) from the gateway that relays this socket.
     */
    public void receiveText(String text) {
        if (closed) {
            return;
        }
        String token = eu.vetnet.identity.TokenRenewal.tokenOf(text);
        if (token == null) {
            close(CloseCodes.BAD_MESSAGE, "text frames are not part of the protocol: send binary frames");
            return;
        }
        onLane(text.length(), () -> server.dispatcher().renew(this, token));
    }

    /** Counts a message against the socket's rate (closing it past the limit) and runs its handling on the lane. */
    private void onLane(int bytes, Runnable handling) {
        if (!messageRate.tryAcquire()) {
            close(CloseCodes.TOO_MANY_MESSAGES, "more than " + (long) server.limits().messagesPerSecond()
                    + " messages per second");
            return;
        }
        backlog(bytes);
        room.lane.execute(() -> {
            try {
                if (!closed) {
                    handling.run();
                }
            } finally {
                backlog(-bytes);
            }
        });
    }

    /** The transport saw the socket close (by the client or the network). */
    public void closed() {
        if (closed) {
            return;
        }
        closed = true;
        backlog(0);
        room.lane.execute(this::cleanUp);
    }

    /** Closes the socket with a code and cleans up its sessions. Safe from any thread, idempotent. */
    public void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        backlog(0);
        server.countClose(code);
        socket.close(code, reason);
        room.lane.execute(this::cleanUp);
    }

    public boolean isClosed() {
        return closed;
    }

    void send(byte[] frame) {
        if (closed) {
            return;
        }
        socket.send(frame);
        if (!room.lane.inLane()) {
            socket.flush();
        } else if (!flushPending) {
            flushPending = true;
            room.flushAtEndOfBatch(this);
        }
    }

    /** End of a lane batch: what this batch sent leaves together. On the lane. */
    void flush() {
        flushPending = false;
        if (!closed) {
            socket.flush();
        }
    }

    private void cleanUp() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (countedUser != null) {
            server.releaseSocket(countedUser);
            countedUser = null;
        }
        for (DocumentSession s : sessions.values().toArray(DocumentSession[]::new)) {
            server.dispatcher().leave(s);
        }
        sessions.clear();
        server.forget(this);
        server.release(room);
    }

    @Override
    public String toString() {
        return "connection " + id + " to room " + room.id();
    }
}
