package eu.vetnet.rooms.history;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.DisconnectPayload;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.hook.StorePayload;
import eu.vetnet.rooms.hook.UnloadPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Session history in Cassandra, as a room hook: every update is appended (group commit) before the core
 * broadcasts it; a document loads from the latest snapshot and the log after it, or is refused when Cassandra
 * cannot be read (fail closed); snapshots are written in the background and on store; joins and leaves are
 * recorded as session events. On shutdown every pending append is flushed (docs/reliability.md, rules 1, 7, 9, 10).
 */
public final class CassandraHistory implements RoomHook, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CassandraHistory.class);

    /** Appends of one open document not yet covered by a snapshot. */
    private static final class DocState {
        final AtomicLong uncovered = new AtomicLong();
        volatile Instant firstUncovered;
        volatile LogPosition lastAppend;
        final AtomicBoolean snapshotting = new AtomicBoolean();
    }

    private final HistoryDatabase database;
    private final UpdateLog updates;
    private final SessionEvents events;
    private final Snapshots snapshots;
    private final HistoryProperties properties;
    private final Executor cpu;
    private final Map<String, DocState> documents = new ConcurrentHashMap<>();
    private final Map<String, RoomRole> roles = new ConcurrentHashMap<>();
    private volatile boolean running;

    public CassandraHistory(HistoryDatabase database, UpdateLog updates, SessionEvents events, HistoryProperties properties,
            Executor cpu, ScheduledExecutorService timer) {
        this.database = database;
        this.updates = updates;
        this.events = events;
        this.properties = properties;
        this.cpu = cpu;
        this.snapshots = new Snapshots(updates.writer(), cpu);
        long every = Math.max(1000, properties.getSnapshotEvery().toMillis() / 4);
        timer.scheduleWithFixedDelay(this::snapshotDue, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public int priority() {
        return 100;
    }

    /** Runs after the access hook (900) set the role: a join that got this far is recorded. */
    @Override
    public CompletionStage<Void> onAuthenticate(AuthenticatePayload payload) {
        RoomUser user = payload.context().user();
        RoomRole role = payload.context().role();
        if (user != null && role != null && !payload.renewal()) {
            roles.put(key(payload.roomId(), payload.documentName()) + '\u0000' + user.id(), role);
            events.record(payload.roomId(), SessionEvents.JOINED, payload.documentName(), user, role);
        }
        return DONE;
    }

    @Override
    public void onDisconnect(DisconnectPayload payload) {
        RoomUser user = payload.user();
        if (user != null) {
            RoomRole role = roles.get(key(payload.roomId(), payload.documentName()) + '\u0000' + user.id());
            events.record(payload.roomId(), SessionEvents.LEFT, payload.documentName(), user, role);
        }
    }

    /** Latest snapshot + the log after it; a failed stage (never an empty document) when Cassandra cannot be read. */
    @Override
    public CompletionStage<Void> onLoadDocument(LoadPayload payload) {
        HistoryStatements s;
        try {
            s = database.statements();
        } catch (HistoryUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
        long started = System.nanoTime();
        return HistoryReads.load(s, payload.roomId(), payload.documentName())
                .handle((stored, err) -> {
                    if (err != null) {
                        throw new HistoryUnavailableException("the history of " + payload.roomId() + "/" + payload.documentName()
                                + " could not be read from Cassandra (" + HistoryDatabase.rootMessage(err) + "): try again", err);
                    }
                    return stored;
                })
                .thenAcceptAsync(stored -> {
                    // Nobody else sees the document until the load completes: applying it here, off the lane, is safe.
                    for (byte[] update : stored.updates()) {
                        try {
                            payload.document().applyUpdate(update, this);
                        } catch (DecodingException e) {
                            throw new HistoryUnavailableException("stored history of " + payload.roomId() + "/"
                                    + payload.documentName() + " does not decode: " + e.getMessage(), e);
                        }
                    }
                    DocState state = documents.computeIfAbsent(key(payload.roomId(), payload.documentName()), k -> new DocState());
                    state.uncovered.set(stored.log().size());
                    if (!stored.log().isEmpty()) {
                        state.firstUncovered = Instant.now();
                        state.lastAppend = stored.log().get(stored.log().size() - 1).position();
                    }
                    log.debug("loaded {}/{}: snapshot {}, {} log rows, {} ms", payload.roomId(), payload.documentName(),
                            stored.snapshot().isPresent(), stored.log().size(), (System.nanoTime() - started) / 1_000_000);
                }, cpu);
    }

    /** Appends the update; the core broadcasts it once this stage completed (seen means stored). */
    @Override
    public CompletionStage<Void> onChange(ChangePayload payload) {
        String key = key(payload.roomId(), payload.documentName());
        Instant at = Instant.now();
        return updates.append(payload.roomId(), payload.documentName(), payload.update(),
                payload.user() == null ? null : payload.user().id()).thenAccept(position -> {
                    DocState state = documents.computeIfAbsent(key, k -> new DocState());
                    if (state.uncovered.getAndIncrement() == 0) {
                        state.firstUncovered = at;
                    }
                    synchronized (state) {
                        LogPosition last = state.lastAppend;
                        if (last == null || position.compareTo(last) > 0) {
                            state.lastAppend = position;
                        }
                    }
                    if (state.uncovered.get() >= properties.getSnapshotEveryUpdates()) {
                        snapshot(payload.roomId(), payload.documentName(), state);
                    }
                });
    }

    /**
     * The core stores a document before unload and on shutdown, once its updates went through onChange: the state
     * then covers every row this node appended, and becomes a snapshot. A failed snapshot does not keep the room
     * loaded: the log already holds everything.
     */
    @Override
    public CompletionStage<Void> onStoreDocument(StorePayload payload) {
        DocState state = documents.get(key(payload.roomId(), payload.documentName()));
        if (state == null || state.uncovered.get() == 0 || state.lastAppend == null) {
            return DONE;
        }
        HistoryStatements s;
        try {
            s = database.statements();
        } catch (HistoryUnavailableException e) {
            log.warn("no snapshot of {}/{} on store: {}", payload.roomId(), payload.documentName(), e.getMessage());
            return DONE;
        }
        long covered = state.uncovered.get();
        return snapshots.write(s, payload.roomId(), payload.documentName(), payload.state(), state.lastAppend)
                .handle((w, err) -> {
                    if (err != null) {
                        log.warn("snapshot of {}/{} on store failed; the log keeps the history", payload.roomId(),
                                payload.documentName(), err);
                    } else {
                        state.uncovered.addAndGet(-covered);
                    }
                    return null;
                });
    }

    @Override
    public CompletionStage<Void> onUnload(UnloadPayload payload) {
        for (String name : payload.documentNames()) {
            documents.remove(key(payload.roomId(), name));
        }
        String prefix = payload.roomId() + '\u0000';
        roles.keySet().removeIf(k -> k.startsWith(prefix));
        return DONE;
    }

    private void snapshotDue() {
        Instant due = Instant.now().minus(properties.getSnapshotEvery());
        documents.forEach((key, state) -> {
            Instant first = state.firstUncovered;
            if (state.uncovered.get() > 0 && first != null && first.isBefore(due)) {
                String[] parts = key.split("\u0000", 2);
                snapshot(parts[0], parts[1], state);
            }
        });
    }

    private void snapshot(String room, String document, DocState state) {
        if (!state.snapshotting.compareAndSet(false, true)) {
            return;
        }
        HistoryStatements s;
        try {
            s = database.statements();
        } catch (HistoryUnavailableException e) {
            state.snapshotting.set(false);
            return;
        }
        long before = state.uncovered.get();
        snapshots.compact(s, room, document).whenComplete((written, err) -> {
            state.snapshotting.set(false);
            if (err != null) {
                log.warn("background snapshot of {}/{} failed; retried later, the log keeps the history", room, document, err);
                return;
            }
            state.uncovered.addAndGet(-Math.min(before, state.uncovered.get()));
            state.firstUncovered = state.uncovered.get() > 0 ? Instant.now() : null;
            written.ifPresent(w -> log.debug("snapshot of {}/{} covers {} log rows up to {}", room, document, w.rows(), w.covers()));
        });
    }

    /** Flushes every pending append and waits for it (bounded by vetnet.history.drain-timeout). */
    public boolean drain(Duration timeout) {
        int pending = updates.pending();
        try {
            updates.drain().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (pending > 0) {
                log.info("history: drained {} pending appends", pending);
            }
            return true;
        } catch (TimeoutException e) {
            log.error("history: {} appends still pending after {}; they may be lost", updates.pending(), timeout);
            return false;
        } catch (Exception e) {
            log.error("history: drain failed", e);
            return false;
        }
    }

    public UpdateLog updateLog() {
        return updates;
    }

    private static String key(String room, String document) {
        return room + '\u0000' + document;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server stops (higher phase stops first): pending appends reach Cassandra first. */
    @Override
    public void stop() {
        drain(properties.getDrainTimeout());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** After the core stored every room (its shutdown runs when beans are destroyed, before this one). */
    public void close() {
        drain(properties.getDrainTimeout());
    }

    List<String> openDocuments() {
        return List.copyOf(documents.keySet());
    }
}
