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

    /**
     * A change the server itself makes (docs/rooms.md, "Server edits"): opens the documents (loading them when
     * needed), then runs {@code change} on the lane inside one transaction of each, with the server as origin. Each
     * document's update is stored and broadcast like anyone's; nobody's session sent it, so everyone receives it. The
     * server's client id in each document is claimed for it, so no client may write under it afterwards.
     */
    public <T> CompletableFuture<T> serverEdit(List<String> names, Function<Map<String, YDoc>, T> change) {
        return opened(names).thenApplyAsync(docs -> RoomDocument.serverEdit(docs, 0, () -> change.apply(byName(docs))), lane);
    }

    /**
     * Reads documents the server keeps for itself or that no one has open yet (an anonymous poll's ballots): opens
     * them (loading them when needed), then runs {@code read} on the lane, outside any transaction. Changes nothing.
     */
    public <T> CompletableFuture<T> read(List<String> names, Function<Map<String, YDoc>, T> read) {
        return opened(names).thenApplyAsync(docs -> read.apply(byName(docs)), lane);
    }

    private CompletableFuture<List<RoomDocument>> opened(List<String> names) {
        return CompletableFuture.supplyAsync(() -> names.stream().map(this::open).toList(), lane)
                .thenCompose(loads -> CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                        .thenApply(v -> loads.stream().map(CompletableFuture::join).toList()));
    }

    private static Map<String, YDoc> byName(List<RoomDocument> docs) {
        Map<String, YDoc> out = new LinkedHashMap<>();
        docs.forEach(d -> out.put(d.name(), d.doc()));
        return out;
    }

    /** An open document, or null; for tests. On the lane. */
    RoomDocument openDocument(String name) {
        return documents.get(name);
    }

    /** An open document's content, or null (the rules read sibling documents through this). On the lane. */
    YDoc loadedDocument(String name) {
        RoomDocument open = documents.get(name);
        return open == null ? null : open.doc();
    }

    /**
     * The document a session asks for, opened together with the documents its rules read (its policy's
     * {@code reads()}, such as the workshop that holds the phase), so that no update is judged without them.
     * Documents stay open until the whole room unloads. On the lane.
     */
    CompletableFuture<RoomDocument> openForSession(String name) {
        CompletableFuture<?>[] read = server.policies().apply(name).reads().stream()
                .filter(other -> !other.equals(name)).map(this::open).toArray(CompletableFuture[]::new);
        CompletableFuture<RoomDocument> doc = open(name);
        return read.length == 0 ? doc : CompletableFuture.allOf(read).thenCompose(v -> doc);
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
