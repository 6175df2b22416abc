package eu.vetnet.rooms.core;

import eu.vetnet.crdt.Subscription;
import eu.vetnet.crdt.Updates;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import eu.vetnet.crdt.inspect.EncodedGrowth;
import eu.vetnet.crdt.protocol.Awareness;
import eu.vetnet.crdt.protocol.AwarenessUpdate;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.hook.AwarenessPayload;
import eu.vetnet.rooms.hook.BeforeApplyPayload;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.StorePayload;
import eu.vetnet.rooms.policy.ClientIds;
import eu.vetnet.rooms.policy.NoChange;
import eu.vetnet.rooms.protocol.Protocol;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document of an open room: the CRDT, its awareness, the sessions that have it open, and the ordered
 * chain that broadcasts each applied update only after {@code onChange} completed for it and every update
 * before it. Touched only on the room's lane.
 */
public final class RoomDocument {

    private static final Logger log = LoggerFactory.getLogger(RoomDocument.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int RETIRED_CLIENTS = 4096;

    private final Room room;
    private final String name;
    private final YDoc doc = new YDoc();
    private final Awareness awareness;
    /** Who writes under which client id (docs/rooms.md, "What the server checks"). On the lane. */
    private final ClientIds clientIds = new ClientIds();
    final Set<DocumentSession> sessions = new LinkedHashSet<>();
    private final Map<Long, DocumentSession> awarenessOwners = new LinkedHashMap<>();
    private final Set<Long> retiredClients = new LinkedHashSet<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private Subscription updates;
    private ScheduledFuture<?> awarenessSweep;
    private long approximateSize;
    /** Updates stored and waiting for the end of the lane's batch, and the session each came from (or null). */
    private final List<byte[]> outgoing = new ArrayList<>();
    private final List<DocumentSession> outgoingFrom = new ArrayList<>();
    private boolean changed;
    private byte[] wholeState;
    /** Updates applied since the document was loaded here: the number of the last one (ChangePayload.sequence). */
    private long sequence;
    /** When the document is stored next; stores run one at a time, each after the one before. */
    private final StoreSchedule storeSchedule;
    private CompletableFuture<Void> storing = CompletableFuture.completedFuture(null);

    RoomDocument(Room room, String name) {
        this.room = room;
        this.name = name;
        this.awareness = new Awareness(room.server().clock());
        this.storeSchedule = new StoreSchedule(room.server().limits(), room.server().timer(), room.lane, this::storeWhenDue);
    }

    public String name() {
        return name;
    }

    YDoc doc() {
        return doc;
    }

    /** The load completed; {@code clientOwners} are the owners it rebuilt from storage (LoadPayload). */
    void loaded(Map<Long, String> clientOwners) {
        clientIds.restore(clientOwners);
        approximateSize = doc.encodeStateAsUpdate().length;
        updates = doc.onUpdate((update, origin, txn) -> applied(update, origin));
        long every = Awareness.OUTDATED_MS / 2;
        try {
            awarenessSweep = room.server().timer().scheduleAtFixedRate(() -> room.lane.execute(this::sweepAwareness),
                    every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            awarenessSweep = null;
        }
    }

    void destroy() {
        storeSchedule.cancel();
        if (updates != null) {
            updates.close();
        }
        if (awarenessSweep != null) {
            awarenessSweep.cancel(false);
        }
    }

    /**
     * Stores the document through {@code onStoreDocument}, after any store still running, once every update applied so
     * far went through {@code onChange}. The state is encoded then, on the lane, from the loaded document: the engine
     * garbage-collected what was deleted, so a snapshot does not keep it (docs/rooms.md, "Storing"). The payload says
     * which updates the state holds, so a history marks only rows whose {@code onChange} completed as covered.
     */
    CompletableFuture<Void> store() {
        CompletableFuture<Void> next = storing.handle((v, e) -> null).thenComposeAsync(v -> {
            CompletableFuture<Void> stored = new CompletableFuture<>();
            afterPending(() -> {
                if (room.broken) {
                    // A document that may be inconsistent is never stored: the log holds every update it accepted.
                    stored.complete(null);
                    return;
                }
                try {
                    long covers = sequence;
                    byte[] state = wholeState();
                    Map<Long, String> owners = clientIds.owners();
                    storeSchedule.encoded();
                    room.server().hooks().chain(h -> h.onStoreDocument(new StorePayload(room.id(), name, state, covers, owners)))
                            .whenComplete((x, err) -> {
                                if (err == null) {
                                    stored.complete(null);
                                } else {
                                    stored.completeExceptionally(err);
                                }
                            });
                } catch (RuntimeException e) {
                    stored.completeExceptionally(e);
                }
            });
            return stored;
        }, room.lane);
        storing = next;
        return next;
    }

    /** The debounced store: a failure is retried after the next quiet period; unload stores whatever is left. */
    private void storeWhenDue() {
        store().whenComplete((v, err) -> {
            if (err != null) {
                log.warn("storing {} of room {} failed; retried later, the log keeps every update", name, room.id(), err);
                room.lane.execute(storeSchedule::failed);
            }
        });
    }

    CompletableFuture<Void> changesSettled() {
        return tail.exceptionally(e -> null);
    }

    /** Runs {@code task} once every update applied so far was stored and broadcast (sync answers wait for it). */
    void afterPending(Runnable task) {
        if (tail.isDone()) {
            task.run();
        } else {
            tail = tail.handleAsync((v, e) -> {
                try {
                    task.run();
                } catch (RuntimeException failure) {
                    log.error("a task waiting for stored updates of {} failed", name, failure);
                }
                return null;
            }, room.lane);
        }
    }

    void join(DocumentSession s) {
        sessions.add(s);
        s.send(s.connection().protocol.sync(name, new SyncMessage.Step1(doc.encodeStateVector())));
        if (!awareness.states().isEmpty()) {
            s.send(s.connection().protocol.awareness(name, awareness.encodeAll().encode()));
        }
    }

    void leave(DocumentSession s) {
        sessions.remove(s);
        List<Long> owned = new ArrayList<>(s.awarenessClients);
        for (Long client : owned) {
            awarenessOwners.remove(client);
            retire(client);
        }
        if (!owned.isEmpty()) {
            Awareness.Change change = awareness.remove(owned, s);
            if (!change.isEmpty()) {
                broadcastAwareness(s, change);
            }
        }
    }

    void answerStep1(DocumentSession s, byte[] stateVector) {
        afterPending(() -> {
            if (s.isOpen()) {
                byte[] missing;
                try {
                    missing = isEmptyStateVector(stateVector) ? wholeState() : doc.encodeStateAsUpdate(stateVector);
                } catch (DecodingException e) {
                    s.connection().close(CloseCodes.BAD_MESSAGE, "sync step 1 with a state vector that does not decode: " + e.getMessage());
                    return;
                }
                s.send(s.connection().protocol.sync(name, new SyncMessage.Step2(missing)));
            }
        });
    }

    /**
     * The whole document as one update, kept until the next change: every browser opening the room asks for it
     * (an empty state vector), and encoding a large document costs milliseconds each time.
     */
    private byte[] wholeState() {
        if (wholeState == null) {
            wholeState = doc.encodeStateAsUpdate();
        }
        return wholeState;
    }

    private static boolean isEmptyStateVector(byte[] stateVector) {
        return stateVector.length == 1 && stateVector[0] == 0;
    }

    /** Sync step 2 or update from a client: permission, quota and policy first; nothing refused is applied. */
    void write(DocumentSession s, byte[] update) {
        Protocol protocol = s.connection().protocol;
        if (isEmptyUpdate(update)) {
            s.send(protocol.syncStatus(name, true));
            return;
        }
        if (!s.writable()) {
            if (changesNothing(update)) {
                // Not a write: a reader's copy answering the sync with what the room has already (its delete set).
                s.send(protocol.syncStatus(name, true));
                return;
            }
            s.send(protocol.permissionDenied(name, "read-only: your role in this room may read " + name + " but not change it"));
            s.send(protocol.syncStatus(name, false));
            return;
        }
        if (s.isRejected()) {
            s.send(protocol.syncStatus(name, false));
            return;
        }
        RoomServer server = room.server();
        long cpu = THREADS.getCurrentThreadCpuTime();
        // The before-apply hooks judge it; the core's own WriteRules among them (docs/rooms.md, "What the server checks").
        DecodedUpdate decoded;
        long growth;
        try {
            decoded = DecodedUpdate.of(update);
            if (ClientIds.needsEarlierClocks(doc, decoded)) {
                // Neither applied (it would wait pending) nor rejected (an honest reconnect race makes these): the
                // client's next sync brings the missing clocks with it.
                s.send(protocol.syncStatus(name, false));
                return;
            }
            // The quota holds against what the update can add to the encoding, splits of existing content included
            // (a deletion inside a word adds structs): an estimate first, the exact size only when it comes close.
            growth = EncodedGrowth.bound(doc, decoded, update.length);
            if (approximateSize + growth > server.limits().documentQuotaBytes()) {
                approximateSize = doc.encodeStateAsUpdate().length;
                if (approximateSize + growth > server.limits().documentQuotaBytes()) {
                    reject(s, "the document would grow over its quota of " + server.limits().documentQuotaBytes()
                            + " bytes; remove content first");
                    return;
                }
            }
            BeforeApplyPayload payload = new BeforeApplyPayload(room.id(), name, doc, decoded, s.user(), s.role(),
                    clientIds::owner, room::loadedDocument);
            Optional<String> refusal = server.hooks().firstRefusal(h -> h.beforeApply(payload));
            if (refusal.isPresent()) {
                reject(s, refusal.get());
                return;
            }
        } catch (DecodingException e) {
            s.connection().close(CloseCodes.BAD_MESSAGE, "update does not decode: " + e.getMessage());
            return;
        } catch (RuntimeException | StackOverflowError e) {
            // Inspection changes nothing: the document is intact, only this socket goes.
            log.warn("inspecting an update for {} failed", name, e);
            s.connection().close(CloseCodes.BAD_MESSAGE, "update could not be inspected: " + e.getMessage());
            return;
        }
        changed = false;
        // The client ids this update adds clocks to (the rules let through only groups that start at the document's
        // clock): claimed for its sender once it is applied. Read from its groups, not from two state vectors.
        List<Long> growing = decoded.clientsExtending(doc);
        try {
            doc.applyUpdate(update, s);
        } catch (RuntimeException | Error e) {
            // The update passed the checks, which decode all of it: failing now is a bug in the engine, and the
            // transaction may have stopped half-way. Nobody may keep editing a document that may be inconsistent:
            // the room is reloaded from storage (docs/rooms.md, "When the engine fails").
            log.error("applying an update to {} of room {} failed; the room reloads from storage", name, room.id(), e);
            room.server().evict(room, "the room hit an internal error and reloads from storage: reconnect");
            return;
        }
        clientIds.claim(growing, s.user().id());
        approximateSize += growth;
        server.countUpdate(THREADS.getCurrentThreadCpuTime() - cpu);
        if (!changed) {
            afterPending(() -> s.send(protocol.syncStatus(name, true)));
        }
    }

    /** The origin of the server's own changes, and the owner its client id is claimed for. */
    static final String SERVER = "vetnet-server";

    /**
     * Runs {@code change} inside one server transaction of each of {@code docs} from {@code from} on (nested, so each
     * document emits one update when its transaction ends), then claims the server's client id in each. On the lane.
     */
    static <T> T serverEdit(List<RoomDocument> docs, int from, java.util.function.Supplier<T> change) {
        if (from == docs.size()) {
            return change.get();
        }
        RoomDocument d = docs.get(from);
        Object[] result = new Object[1];
        eu.vetnet.crdt.Transaction[] txn = new eu.vetnet.crdt.Transaction[1];
        try {
            d.doc.transact(t -> {
                txn[0] = t;
                result[0] = serverEdit(docs, from + 1, change);
            }, SERVER);
        } catch (RuntimeException e) {
            if (e instanceof ApiException && txn[0] != null && txn[0].touchedSinceStart().isEmpty() && txn[0].deleteSet().isEmpty()) {
                throw e; // declined before writing anything here: the document is as it was
            }
            log.error("a server edit of {} in room {} failed; the room reloads from storage", d.name, d.room.id(), e);
            d.room.server().evict(d.room, "the room hit an internal error and reloads from storage: reconnect");
            throw e;
        } catch (Error e) {
            // As for a client's update (write): a document that may be inconsistent is reloaded from storage.
            log.error("a server edit of {} in room {} failed; the room reloads from storage", d.name, d.room.id(), e);
            d.room.server().evict(d.room, "the room hit an internal error and reloads from storage: reconnect");
            throw e;
        }
        d.clientIds.claim(List.of(d.doc.clientId()), SERVER);
        @SuppressWarnings("unchecked")
        T out = (T) result[0];
        return out;
    }

    private void applied(byte[] update, Object origin) {
        changed = true;
        wholeState = null;
        DocumentSession from = origin instanceof DocumentSession s ? s : null;
        if (SERVER.equals(origin)) {
            // A client's update was counted before it was applied (write); the server's own, by what it wrote.
            approximateSize += update.length;
        }
        RoomServer server = room.server();
        long appliedAt = System.nanoTime();
        long number = ++sequence;
        CompletableFuture<Void> stored = server.hooks().chain(h -> h.onChange(
                new ChangePayload(room.id(), name, update, from == null ? null : from.user(), number)));
        tail = tail.thenCombine(stored.handle((v, e) -> e), (v, storeError) -> storeError)
                .handleAsync((storeError, e) -> {
                    if (storeError != null) {
                        // Seen means stored (docs/reliability.md, rule 1): what could not be stored is not broadcast.
                        log.error("onChange failed for {} of room {}; the update is not broadcast", name, room.id(), storeError);
                        if (from != null) {
                            from.send(from.connection().protocol.syncStatus(name, false));
                        }
                        return null;
                    }
                    server.recordUpdateLatency(System.nanoTime() - appliedAt);
                    broadcast(update, from);
                    return null;
                }, room.lane);
        storeSchedule.changed();
    }

    /** Queues an applied (and stored) update; it goes out when the lane's batch ends, see {@link #flushBroadcasts}. */
    private void broadcast(byte[] update, DocumentSession from) {
        outgoing.add(update);
        outgoingFrom.add(from);
        if (outgoing.size() == 1) {
            room.broadcastAtEndOfBatch(this);
        }
    }

    /**
     * Sends the updates of this batch: one message per session, the updates merged when there are several.
     * Each session gets everything but its own update when one session sent them all; with several senders
     * everyone gets the whole merge (a Yjs client applying its own update again changes nothing), which keeps
     * it one encoding for the whole room. Then each sender is told its update was applied. On the lane.
     */
    void flushBroadcasts() {
        if (outgoing.isEmpty()) {
            return;
        }
        DocumentSession onlySender = outgoingFrom.get(0);
        for (DocumentSession f : outgoingFrom) {
            if (f != onlySender) {
                onlySender = null;
                break;
            }
        }
        byte[] update = outgoing.size() == 1 ? outgoing.get(0) : Updates.mergeUpdates(outgoing);
        SyncMessage message = new SyncMessage.Update(update);
        int receivers = sendToOpenSessions(onlySender, p -> p.sync(name, message));
        room.server().countDeliveries(receivers * outgoing.size());
        for (DocumentSession from : outgoingFrom) {
            if (from != null && from.isOpen()) {
                from.send(from.connection().protocol.syncStatus(name, true));
            }
        }
        outgoing.clear();
        outgoingFrom.clear();
    }

    private void reject(DocumentSession s, String reason) {
        s.markRejected();
        room.server().countRejection();
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("type", "vetnet.rejected");
        notice.put("document", name);
        notice.put("reason", reason);
        notice.put("action", "discard the local copy of this document and join it again");
        Protocol p = s.connection().protocol;
        s.send(p.rejected(name, JsJson.stringify(notice)));
        s.send(p.syncStatus(name, false));
    }

    /** An update with no structs and no deletions: what a client with nothing new answers to step 1. */
    /** Whether applying {@code update} would leave this document as it is (bytes that do not decode: no). */
    private boolean changesNothing(byte[] update) {
        try {
            return NoChange.changesNothing(doc, DecodedUpdate.of(update));
        } catch (RuntimeException undecodable) {
            return false;
        }
    }

    static boolean isEmptyUpdate(byte[] update) {
        return update.length == 2 && update[0] == 0 && update[1] == 0;
    }

    void queryAwareness(DocumentSession s) {
        s.send(s.connection().protocol.awareness(name, awareness.encodeAll().encode()));
    }

    /** An awareness update: only the sender's own clients, identity fields set by the server, within rate. */
    void awareness(DocumentSession s, byte[] bytes) {
        RoomServer server = room.server();
        AwarenessUpdate update;
        try {
            update = AwarenessUpdate.decode(bytes, server.limits().maxAwarenessEntries(), server.limits().maxAwarenessStateBytes());
        } catch (DecodingException e) {
            boolean tooLarge = String.valueOf(e.getMessage()).contains("over the limit");
            s.connection().close(tooLarge ? CloseCodes.TOO_LARGE : CloseCodes.BAD_MESSAGE,
                    "awareness update refused: " + e.getMessage());
            return;
        }
        List<AwarenessUpdate.Entry> own = new ArrayList<>();
        for (AwarenessUpdate.Entry e : update.entries()) {
            DocumentSession owner = awarenessOwners.get(e.clientId());
            if (owner == s) {
                own.add(e);
            } else if (owner == null && e.state() != null && !retiredClients.contains(e.clientId())
                    && s.awarenessClients.size() < server.limits().maxAwarenessClientsPerSession()) {
                awarenessOwners.put(e.clientId(), s);
                s.awarenessClients.add(e.clientId());
                own.add(e);
            }
            // Anything else is another client's state: clients relay what they hear, and may not speak for others.
        }
        if (own.isEmpty()) {
            return;
        }
        if (!s.awarenessRate.tryAcquire()) {
            server.countAwarenessDropped();
            return;
        }
        AwarenessUpdate stamped = new AwarenessUpdate(own).map(state -> stamp(state, s));
        Awareness.Change change = awareness.apply(stamped, s);
        for (Long removed : change.removed()) {
            awarenessOwners.remove(removed);
            s.awarenessClients.remove(removed);
            retire(removed);
        }
        if (!change.isEmpty()) {
            broadcastAwareness(s, change);
            server.hooks().notifyAll(h -> h.onAwareness(new AwarenessPayload(room.id(), name, s.user(),
                    change.added(), change.updated(), change.removed())));
        }
    }

    /**
     * Removes awareness states not renewed for 30 s (a client renews every 15 s; a silent one lost its network
     * without closing) and tells everyone, as y-protocols' own timeout does in each client. The client id stays
     * with its session: if it wakes up, it may announce itself again, and nobody else may take the id. On the lane.
     */
    void sweepAwareness() {
        Awareness.Change change = awareness.removeOutdated();
        if (!change.isEmpty()) {
            broadcastAwareness(null, change);
        }
    }

    private void broadcastAwareness(DocumentSession from, Awareness.Change change) {
        byte[] encoded = awareness.encode(change.all()).encode();
        sendToOpenSessions(from, p -> p.awareness(name, encoded));
    }

    /**
     * Sends one message to every open session but {@code except} (may be null), encoded once per protocol the
     * sessions speak. Returns how many sessions got it.
     */
    private int sendToOpenSessions(DocumentSession except, Function<Protocol, byte[]> encode) {
        Map<Protocol, byte[]> frames = new IdentityHashMap<>(2);
        int receivers = 0;
        for (DocumentSession s : sessions) {
            if (s != except && s.isOpen()) {
                s.send(frames.computeIfAbsent(s.connection().protocol, encode));
                receivers++;
            }
        }
        return receivers;
    }

    private void retire(Long client) {
        retiredClients.add(client);
        if (retiredClients.size() > RETIRED_CLIENTS) {
            Long eldest = retiredClients.iterator().next();
            retiredClients.remove(eldest);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object stamp(Object state, DocumentSession s) {
        Map<String, Object> out = state instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        Map<String, Object> user = out.get("user") instanceof Map<?, ?> u
                ? new LinkedHashMap<>((Map<String, Object>) u) : new LinkedHashMap<>();
        user.put("id", s.user().id());
        user.put("name", s.user().name());
        user.put("role", s.role().name().toLowerCase());
        out.put("user", user);
        return out;
    }
}
