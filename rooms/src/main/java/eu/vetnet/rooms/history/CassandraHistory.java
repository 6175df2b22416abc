package eu.vetnet.rooms.history;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.SessionPayload;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Session history in Cassandra, as a room hook: every update is appended (group commit) before the core
 * broadcasts it; a document loads from the latest snapshot and the log after it, or is refused when Cassandra
 * cannot be read (fail closed); each state the core stores (debounced while the document changes, and before
 * unload) becomes a snapshot covering exactly the rows of the updates it holds; joins and leaves are recorded as
 * session events. On shutdown every pending append is flushed (docs/reliability.md, rules 1, 7, 9, 10).
 */
public final class CassandraHistory implements RoomHook, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CassandraHistory.class);

    private final HistoryDatabase database;
    private final UpdateLog updates;
    private final SessionEvents events;
    private final Snapshots snapshots;
    private final LogRetention retention;
    private final HistoryProperties properties;
    private final Executor cpu;
    private final Map<String, OpenDocumentLog> documents = new ConcurrentHashMap<>();
    private volatile boolean running;

    public CassandraHistory(HistoryDatabase database, UpdateLog updates, SessionEvents events, HistoryProperties properties,
            Executor cpu) {
        this.database = database;
        this.updates = updates;
        this.events = events;
        this.properties = properties;
        this.cpu = cpu;
        this.snapshots = new Snapshots(updates.writer(), cpu);
        this.retention = new LogRetention(properties);
    }

    @Override
    public int priority() {
        return HookPriority.STORAGE;
    }

    /** A session that opened is recorded with its role; refused joins and token renewals are not. */
    @Override
    public void onJoined(SessionPayload payload) {
        events.record(payload.roomId(), SessionEvents.JOINED, payload.documentName(), payload.user(), payload.role());
    }

    @Override
    public void onLeft(SessionPayload payload) {
        events.record(payload.roomId(), SessionEvents.LEFT, payload.documentName(), payload.user(), payload.role());
    }

    /**
     * Latest snapshot + the log after it, streamed page by page and applied off the lane (nobody sees the document
     * until the load completes); a failed stage (never an empty document) when Cassandra cannot be read. Client-id
     * owners are rebuilt the same way: those stored with the snapshot, then each row's author claims the client ids
     * its update grew, in log order (docs/history-and-presence.md, "Client-id owners").
     */
    @Override
    public CompletionStage<Void> onLoadDocument(LoadPayload payload) {
        HistoryStatements s;
        try {
            s = database.statements();
        } catch (HistoryUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
        String room = payload.roomId();
        String document = payload.documentName();
        long started = System.nanoTime();
        int[] rows = {0};
        LogPosition[] last = {null};
        return HistoryReads.latestSnapshot(s, room, document)
                .thenComposeAsync(snapshot -> {
                    snapshot.ifPresent(snap -> {
                        apply(payload, snap.state(), null);
                        payload.clientOwners().putAll(snap.owners());
                    });
                    LogPosition covers = snapshot.map(HistoryReads.SnapshotRow::covers).orElse(LogPosition.START);
                    LogFloor floor = snapshot.map(HistoryReads.SnapshotRow::floor).orElse(null);
                    return HistoryReads.snapshotsAndLog(s, room, document, covers, floor, null, cpu, floorSnapshot -> {
                        // Rows the latest snapshot does not cover were deleted (retention): the floor's snapshot has them.
                        apply(payload, floorSnapshot.state(), null);
                        floorSnapshot.owners().forEach(payload.clientOwners()::putIfAbsent);
                    }, row -> {
                        apply(payload, row.payload(), row.userId());
                        rows[0]++;
                        last[0] = row.position();
                    }).thenApply(v -> {
                        OpenDocumentLog open = new OpenDocumentLog();
                        open.loaded(covers, last[0]);
                        documents.put(key(room, document), open);
                        log.debug("loaded {}/{}: snapshot {}, {} log rows, {} ms", room, document, snapshot.isPresent(), rows[0],
                                (System.nanoTime() - started) / 1_000_000);
                        return (Void) null;
                    });
                }, cpu)
                .handle((v, err) -> {
                    if (err == null) {
                        return null;
                    }
                    Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                    if (cause instanceof HistoryUnavailableException h) {
                        throw h;
                    }
                    throw new HistoryUnavailableException("the history of " + room + "/" + document
                            + " could not be read from Cassandra (" + HistoryDatabase.rootMessage(err) + "): try again", err);
                });
    }

    private void apply(LoadPayload payload, byte[] update, String authorId) {
        try {
            payload.applyStored(update, authorId, this);
        } catch (DecodingException e) {
            throw new HistoryUnavailableException("stored history of " + payload.roomId() + "/" + payload.documentName()
                    + " does not decode: " + e.getMessage(), e);
        }
    }

    /** Appends the update; the core broadcasts it once this stage completed (seen means stored). */
    @Override
    public CompletionStage<Void> onChange(ChangePayload payload) {
        OpenDocumentLog open = documents.computeIfAbsent(key(payload.roomId(), payload.documentName()), k -> new OpenDocumentLog());
        String userId = payload.user() == null ? null : payload.user().id();
        return open.append(payload.sequence(), () -> updates.accept(payload.roomId(), payload.documentName(), payload.update(), userId))
                .stored().thenApply(position -> null);
    }

    /**
     * The core stores a document while it changes (debounced) and before unload and on shutdown, each time with the
     * state encoded on its lane: it becomes a snapshot covering the rows of the updates it holds (never a row of an
     * update whose onChange was still running when it was encoded), after a check that no other server wrote rows in
     * that range this one never saw (two owners of a room for a moment, docs/history-and-presence.md). A failed
     * snapshot does not keep the room loaded: the log already holds everything.
     */
    @Override
    public CompletionStage<Void> onStoreDocument(StorePayload payload) {
        String room = payload.roomId();
        String document = payload.documentName();
        OpenDocumentLog open = documents.get(key(room, document));
        OpenDocumentLog.Cover cover = open == null ? null : open.coverFor(payload.coversSequence());
        if (cover == null) {
            return DONE;
        }
        HistoryStatements s;
        try {
            s = database.statements();
        } catch (HistoryUnavailableException e) {
            log.warn("no snapshot of {}/{} on store: {}", room, document, e.getMessage());
            return DONE;
        }
        return HistoryReads.firstRowOfAnotherWriter(s, room, document, cover.checkFrom(), cover.to(), updates.writer())
                .thenCompose(unseen -> {
                    // Rows up to one this server never saw may not be in the state: cover only what is before it.
                    LogPosition to = unseen.map(LogPosition::justBefore).orElse(cover.to());
                    if (unseen.isPresent()) {
                        log.warn("{}/{} has rows of another writer ({}) this server did not load; the snapshot covers only"
                                + " the rows before them", room, document, unseen.get().writer());
                    }
                    if (to.compareTo(open.covered()) <= 0) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return snapshots.write(s, room, document, payload.state(), to, payload.clientOwners())
                            .thenAccept(w -> {
                                open.covered(payload.coversSequence(), to);
                                if (open.compactionDue(Instant.now(), properties.getCompactEvery())) {
                                    compact(s, room, document);
                                }
                            });
                })
                .handle((v, err) -> {
                    if (err != null) {
                        log.warn("snapshot of {}/{} failed; the log keeps the history", room, document, err);
                    }
                    return null;
                });
    }

    @Override
    public CompletionStage<Void> onUnload(UnloadPayload payload) {
        for (String name : payload.documentNames()) {
            documents.remove(key(payload.roomId(), name));
        }
        return DONE;
    }

    /**
     * A retention pass over one document (LogRetention): thins its snapshots and deletes log rows older than
     * keep-every-update-for that a kept snapshot covers. Not awaited by the store that triggered it.
     */
    CompletionStage<LogRetention.Pass> compact(HistoryStatements s, String room, String document) {
        return retention.compact(s, room, document, Instant.now()).whenComplete((pass, err) -> {
            if (err != null) {
                log.warn("retention pass over {}/{} failed; the next one tries again: {}", room, document,
                        HistoryDatabase.rootMessage(err));
            } else if (pass.snapshotsDeleted() > 0 || pass.bucketsDeleted() > 0) {
                log.debug("retention over {}/{}: {} snapshots thinned, {} hour buckets deleted, log floor {}", room, document,
                        pass.snapshotsDeleted(), pass.bucketsDeleted(), pass.floor());
            }
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
