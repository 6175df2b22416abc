package eu.vetnet.rooms.core;

import eu.vetnet.rooms.hook.Hooks;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.UnloadPayload;
import eu.vetnet.rooms.policy.DocumentPolicy;
import eu.vetnet.rooms.policy.WriteRules;
import eu.vetnet.rooms.protocol.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room server's core (Hocuspocus's "Hocuspocus" class): the registry of open rooms, the hooks, the limits.
 * It never sees the transport: an adapter calls {@link #connect} with a {@link Socket} and feeds frames to the
 * returned {@link ClientConnection}.
 */
public final class RoomServer {

    private static final Logger log = LoggerFactory.getLogger(RoomServer.class);

    private final RoomLimits limits;
    private final Hooks hooks;
    private final Function<String, DocumentPolicy> policies;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final MessageDispatcher dispatcher = new MessageDispatcher(this);
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> closes = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong updateCpuNanos = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong awarenessDropped = new AtomicLong();
    private volatile boolean shuttingDown;
    private final LongSupplier clock;

    /**
     * @param workers the pool room lanes run on (bounded; not a Netty event loop)
     * @param timer for deadlines and unload grace periods; tasks only hop onto a lane
     */
    public RoomServer(RoomLimits limits, List<? extends RoomHook> hooks, Function<String, DocumentPolicy> policies,
            Executor workers, ScheduledExecutorService timer) {
        this(limits, hooks, policies, workers, timer, System::currentTimeMillis);
    }

    /** As above, with the wall clock awareness timeouts are read from (tests move it). */
    RoomServer(RoomLimits limits, List<? extends RoomHook> hooks, Function<String, DocumentPolicy> policies,
            Executor workers, ScheduledExecutorService timer, LongSupplier clock) {
        this.clock = clock;
        this.limits = limits;
        List<RoomHook> all = new ArrayList<>(hooks);
        // The write rules are not optional: every server judges updates with them (docs/rooms.md, "What the server checks").
        all.add(new WriteRules(policies));
        this.hooks = new Hooks(all);
        this.policies = policies;
        this.workers = workers;
        this.timer = timer;
    }

    /**
     * A new socket for a room. {@code fixedDocument} is the document of a y-websocket endpoint (null for
     * Hocuspocus); {@code headerToken} the bearer token of the upgrade request, or null.
     */
    public ClientConnection connect(Socket socket, Protocol protocol, String roomId, String fixedDocument, String headerToken) {
        Room room = rooms.compute(roomId, (id, r) -> {
            Room open = r == null ? new Room(id, this) : r;
            open.connections.incrementAndGet();
            return open;
        });
        ClientConnection c = new ClientConnection(this, room, socket, protocol, fixedDocument, headerToken);
        connections.add(c);
        if (shuttingDown) {
            c.close(CloseCodes.GOING_AWAY, "the server is shutting down: reconnect");
            return c;
        }
        if (room.broken) {
            c.close(CloseCodes.TRY_AGAIN_LATER, "the room is reloading after an internal error: reconnect in a moment");
            return c;
        }
        c.start();
        return c;
    }

    /**
     * Drops a room whose document may be inconsistent (the engine failed inside a transaction): every socket of it
     * closes with 1011, new ones get 1013 until the updates already applied went through {@code onChange}; then the
     * room leaves the registry without being stored, and the next connection loads it afresh from storage
     * (docs/rooms.md, "When the engine fails"). On the room's lane.
     */
    void evict(Room room, String reason) {
        if (room.broken) {
            return;
        }
        room.broken = true;
        for (ClientConnection c : connections.toArray(ClientConnection[]::new)) {
            if (c.room == room) {
                c.close(CloseCodes.INTERNAL_ERROR, reason);
            }
        }
        room.changesSettled().whenCompleteAsync((v, e) -> {
            if (rooms.remove(room.id(), room)) {
                room.destroy();
            }
        }, room.lane);
    }

    /**
     * Holds a room open on this server for work the server does itself (a breakout room seeded or read back, with or
     * without anyone in it): the room is loaded as for a socket (its documents through {@code onLoadDocument}, which
     * takes its lease), counts as connected until {@code work} completes, then unloads after the usual grace when
     * nobody else is in it.
     */
    public <T> CompletableFuture<T> hold(String roomId, java.util.function.Function<Room, ? extends java.util.concurrent.CompletionStage<T>> work) {
        if (shuttingDown) {
            return CompletableFuture.failedFuture(new IllegalStateException("the server is shutting down"));
        }
        Room room = rooms.compute(roomId, (id, r) -> {
            Room open = r == null ? new Room(id, this) : r;
            open.connections.incrementAndGet();
            return open;
        });
        if (room.broken) {
            release(room);
            return CompletableFuture.failedFuture(new IllegalStateException("room " + roomId + " is reloading after an internal error"));
        }
        CompletableFuture<T> done;
        try {
            done = work.apply(room).toCompletableFuture();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return done.whenComplete((v, e) -> release(room));
    }

    void release(Room room) {
        if (room.connections.decrementAndGet() == 0) {
            room.scheduleUnload();
        }
    }

    void finishUnload(Room room, Throwable storeError) {
        if (storeError != null) {
            // Keep the room: unloading what was not stored would lose it. Try again after another grace period.
            log.error("storing room {} failed; it stays loaded and is retried", room.id(), storeError);
            if (room.connections.get() == 0) {
                room.scheduleUnload();
            }
            return;
        }
        boolean[] removed = {false};
        rooms.computeIfPresent(room.id(), (id, r) -> {
            if (r == room && room.connections.get() == 0) {
                removed[0] = true;
                return null;
            }
            return r;
        });
        if (removed[0]) {
            List<String> names = room.documentNames();
            room.destroy();
            hooks.chain(h -> h.onUnload(new UnloadPayload(room.id(), names)));
        }
    }

    /**
     * Re-checks every open session of a room after its access list changed (docs/reliability.md, rule 6): a session
     * whose user lost access is closed with 4403, one whose role changed with 1008 so it reconnects with the new
     * role. {@code roleOf} answers the role of a user for a document, or null. A Hocuspocus socket that keeps other
     * documents of the room loses only the documents taken away (a facilitator's view of someone's private board when
     * private notes become their writers' again): those get a permission-denied message, the socket and the rest of
     * the room stay (docs/rooms.md, "Access changes").
     */
    public CompletableFuture<Void> reauthorize(String roomId, BiFunction<RoomUser, String, RoomRole> roleOf) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            Map<ClientConnection, List<DocumentSession>> lost = new LinkedHashMap<>();
            Set<ClientConnection> keepSome = new HashSet<>();
            for (DocumentSession s : room.sessions()) {
                if (!s.isOpen() || s.connection().isClosed()) {
                    continue;
                }
                RoomRole now = roleOf.apply(s.user(), s.name());
                if (now == null) {
                    lost.computeIfAbsent(s.connection(), c -> new ArrayList<>()).add(s);
                } else if (now != s.role()) {
                    s.connection().close(CloseCodes.POLICY_VIOLATION, "your role in room " + roomId
                            + " changed to " + now.name().toLowerCase() + ": reconnect");
                } else {
                    keepSome.add(s.connection());
                }
            }
            lost.forEach((c, sessions) -> {
                if (c.isClosed()) {
                    return;
                }
                if (!c.protocol.multiplexed() || !keepSome.contains(c)) {
                    c.close(CloseCodes.FORBIDDEN, "your access to room " + roomId + " was revoked");
                    return;
                }
                for (DocumentSession s : sessions) {
                    c.sessions.remove(s.name());
                    dispatcher.leave(s);
                    c.send(c.protocol.permissionDenied(s.name(), "your access to " + s.name() + " in room " + roomId + " was revoked"));
                }
            });
        }, room.lane);
    }

    /**
     * Closes every socket of one room with 1001 so its clients reconnect, for example to the server that now holds
     * the room's lease; the room then unloads as usual once its sockets are gone (stored first). Other rooms on
     * this server are untouched.
     */
    public CompletableFuture<Void> closeRoom(String roomId, String reason) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            for (DocumentSession s : room.sessions()) {
                if (s.isOpen() && !s.connection().isClosed()) {
                    s.connection().close(CloseCodes.GOING_AWAY, reason);
                }
            }
        }, room.lane);
    }

    /** Open sockets per person (user id), across rooms: one person may not hold more than maxSocketsPerUser. */
    private final ConcurrentHashMap<String, Integer> socketsPerUser = new ConcurrentHashMap<>();

    /** Counts one more socket of {@code userId}; false (and nothing counted) when they hold the most already. */
    boolean admitSocket(String userId) {
        boolean[] admitted = {false};
        socketsPerUser.compute(userId, (id, n) -> {
            int held = n == null ? 0 : n;
            if (held >= limits.maxSocketsPerUser()) {
                return n;
            }
            admitted[0] = true;
            return held + 1;
        });
        return admitted[0];
    }

    /** How many sockets {@code userId} holds on this server now. */
    int socketsOf(String userId) {
        return socketsPerUser.getOrDefault(userId, 0);
    }

    /** A socket counted by {@link #admitSocket} is gone. */
    void releaseSocket(String userId) {
        socketsPerUser.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
    }

    /** Every socket, for closing them at shutdown. */
    private final java.util.Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();

    void forget(ClientConnection c) {
        connections.remove(c);
    }

    /** The open room with this id, or null. */
    public Room openRoom(String id) {
        return rooms.get(id);
    }

    public List<String> openRoomIds() {
        return new ArrayList<>(rooms.keySet());
    }

    /**
     * Drains (docs/reliability.md, rule 10): turns new connections away, stores every open room once the updates
     * already applied went through {@code onChange}, then closes every socket with 1001 so clients reconnect
     * (to the room's next owner).
     */
    /** Accepts rooms again after {@link #shutdown()}: a lifecycle stopped and started in the same process (a paused context). */
    public void resume() {
        shuttingDown = false;
    }

    public CompletableFuture<Void> shutdown() {
        shuttingDown = true;
        List<CompletableFuture<Void>> stores = new ArrayList<>();
        for (Room room : rooms.values()) {
            stores.add(CompletableFuture.supplyAsync(room::storeAll, room.lane).thenCompose(f -> f));
        }
        return CompletableFuture.allOf(stores.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            for (ClientConnection c : connections.toArray(ClientConnection[]::new)) {
                c.close(CloseCodes.GOING_AWAY, "the server is shutting down: reconnect");
            }
        });
    }

    public RoomLimits limits() {
        return limits;
    }

    Hooks hooks() {
        return hooks;
    }

    Function<String, DocumentPolicy> policies() {
        return policies;
    }

    LongSupplier clock() {
        return clock;
    }

    Executor workers() {
        return workers;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    MessageDispatcher dispatcher() {
        return dispatcher;
    }

    void countClose(int code) {
        closes.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
    }

    void countUpdate(long cpuNanos) {
        updates.incrementAndGet();
        updateCpuNanos.addAndGet(cpuNanos);
    }

    void countDeliveries(int n) {
        deliveries.addAndGet(n);
    }

    void countRejection() {
        rejections.incrementAndGet();
    }

    /** Where the time from each applied update to its broadcast (its append included) is reported; none by default. */
    private volatile java.util.function.LongConsumer updateLatency = nanos -> { };

    public void reportUpdateLatency(java.util.function.LongConsumer report) {
        updateLatency = report;
    }

    void recordUpdateLatency(long nanos) {
        updateLatency.accept(nanos);
    }

    /** Sockets open on this server, everyone's. */
    public int openSockets() {
        int n = 0;
        for (int held : socketsPerUser.values()) {
            n += held;
        }
        return n;
    }

    void countAwarenessDropped() {
        awarenessDropped.incrementAndGet();
    }

    /** Counters for metrics and tests: updates applied, their CPU time (inspection and apply), deliveries, rejections. */
    public Stats stats() {
        Map<Integer, Long> byCode = new java.util.TreeMap<>();
        closes.forEach((k, v) -> byCode.put(k, v.get()));
        return new Stats(updates.get(), updateCpuNanos.get(), deliveries.get(), rejections.get(), awarenessDropped.get(), byCode);
    }

    /** A snapshot of the counters. */
    public record Stats(long updates, long updateCpuNanos, long deliveries, long rejections, long awarenessDropped,
            Map<Integer, Long> serverCloses) {
    }

}
