package eu.vetnet.rooms.core;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.RoomException;
import eu.vetnet.rooms.hook.LoadPayload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An open room: its documents, loaded through the hooks on first join, and the lane every change of them runs
 * on. Unloaded when the last connection left and the grace period passed, after every document was stored.
 */
public final class Room {

    private final String id;
    private final RoomServer server;
    final SerialExecutor lane;
    private final Map<String, RoomDocument> documents = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<RoomDocument>> loading = new LinkedHashMap<>();
    /** Guarded by the server's registry (changed inside its compute), read anywhere. */
    final AtomicInteger connections = new AtomicInteger();
    private ScheduledFuture<?> unloadTimer;
    /** Set when the engine failed inside a transaction: the room is being dropped and reloaded from storage. */
    volatile boolean broken;
    private final List<RoomDocument> broadcasting = new ArrayList<>();
    private final List<ClientConnection> flushing = new ArrayList<>();

    Room(String id, RoomServer server) {
        this.id = id;
        this.server = server;
        this.lane = new SerialExecutor(server.workers(), this::endOfBatch);
    }

    public String id() {
        return id;
    }

    /** A document with updates to broadcast when the lane's current batch ends. On the lane. */
    void broadcastAtEndOfBatch(RoomDocument document) {
        broadcasting.add(document);
    }

    /** A connection with frames to flush when the lane's current batch ends. On the lane. */
    void flushAtEndOfBatch(ClientConnection connection) {
        flushing.add(connection);
    }

    /**
     * The end of a lane batch: updates applied together go out merged, one message per connection (as
     * Hocuspocus 4 does), and each socket hands its frames to the I/O thread once.
     */
    private void endOfBatch() {
        for (int i = 0; i < broadcasting.size(); i++) {
            broadcasting.get(i).flushBroadcasts();
        }
        broadcasting.clear();
        for (int i = 0; i < flushing.size(); i++) {
            flushing.get(i).flush();
        }
        flushing.clear();
    }

    RoomServer server() {
        return server;
    }

    /** Runs {@code task} on the room's lane with its documents; for tests, metrics and the REST API. */
    public <T> CompletableFuture<T> inspect(Function<Map<String, YDoc>, T> task) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, YDoc> docs = new LinkedHashMap<>();
            documents.forEach((name, d) -> docs.put(name, d.doc()));
            return task.apply(docs);
        }, lane);
    }

    /** An open document, or null; for tests. On the lane. */
    RoomDocument openDocument(String name) {
        return documents.get(name);
    }

    /** The document, loading it through {@code onLoadDocument} on first use. On the lane. */
    CompletableFuture<RoomDocument> open(String name) {
        RoomDocument open = documents.get(name);
        if (open != null) {
            return CompletableFuture.completedFuture(open);
        }
        CompletableFuture<RoomDocument> pending = loading.get(name);
        if (pending != null) {
            return pending;
        }
        RoomDocument doc = new RoomDocument(this, name);
        LoadPayload payload = new LoadPayload(id, name, doc.doc());
        CompletableFuture<RoomDocument> load = server.hooks()
                .chain(h -> h.onLoadDocument(payload))
                .handleAsync((v, err) -> {
                    loading.remove(name);
                    if (err != null) {
                        doc.destroy();
                        // Fail closed (docs/reliability.md, rule 9): never serve an empty document in place of a stored one.
                        throw new RoomException("document " + name + " of room " + id + " could not be loaded; try again", err);
                    }
                    doc.loaded(payload.clientOwners());
                    documents.put(name, doc);
                    return doc;
                }, lane);
        loading.put(name, load);
        return load;
    }

    void scheduleUnload() {
        if (unloadTimer != null) {
            unloadTimer.cancel(false);
        }
        try {
            unloadTimer = server.timer().schedule(() -> lane.execute(this::unloadIfIdle),
                    server.limits().unloadGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // The server is stopping: its shutdown already stored every room; the last sockets closing
            // afterwards have nothing left to schedule.
            unloadTimer = null;
        }
    }

    private void unloadIfIdle() {
        if (connections.get() > 0) {
            return;
        }
        storeAll().whenCompleteAsync((v, err) -> server.finishUnload(this, err), lane);
    }

    /** Stores every document once the updates already applied went through {@code onChange}. On the lane. */
    CompletableFuture<Void> storeAll() {
        if (broken) {
            // A document that may be inconsistent is never stored: the log holds every update it accepted.
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> stores = new ArrayList<>();
        for (RoomDocument d : documents.values()) {
            stores.add(d.store());
        }
        return CompletableFuture.allOf(stores.toArray(CompletableFuture[]::new));
    }

    /** Every open session of every document, for re-checking access. On the lane. */
    List<DocumentSession> sessions() {
        List<DocumentSession> out = new ArrayList<>();
        for (RoomDocument d : documents.values()) {
            out.addAll(d.sessions);
        }
        return out;
    }

    /** Completes when every update applied so far in every document went through {@code onChange}. On the lane. */
    CompletableFuture<Void> changesSettled() {
        return CompletableFuture.allOf(documents.values().stream().map(RoomDocument::changesSettled)
                .toArray(CompletableFuture[]::new));
    }

    List<String> documentNames() {
        return new ArrayList<>(documents.keySet());
    }

    void destroy() {
        documents.values().forEach(RoomDocument::destroy);
        documents.clear();
    }
}
