package eu.vetnet.rooms.storage;

import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.StorePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents kept in memory: the last stored state plus the updates appended since (the same shape the
 * Cassandra history will have: snapshot + log). Lost on restart.
 */
public final class InMemoryDocumentStorage implements RoomHook {

    /** One appended update, the core's number for it (0: not numbered) and its author (null: the server). */
    private record Logged(long sequence, byte[] update, String userId) {
    }

    /** The last stored state with the client-id owners stored beside it, and the log after it. */
    private record Stored(byte[] snapshot, Map<Long, String> owners, List<Logged> log) {
    }

    private final Map<String, Stored> documents = new ConcurrentHashMap<>();

    @Override
    public int priority() {
        return HookPriority.STORAGE;
    }

    private static String key(String roomId, String document) {
        return roomId + "/" + document;
    }

    @Override
    public synchronized CompletionStage<Void> onLoadDocument(LoadPayload payload) {
        Stored s = documents.get(key(payload.roomId(), payload.documentName()));
        if (s != null) {
            synchronized (s) {
                if (s.snapshot() != null) {
                    payload.document().applyUpdate(s.snapshot(), this);
                    payload.clientOwners().putAll(s.owners());
                }
                for (Logged l : s.log()) {
                    payload.applyStored(l.update(), l.userId(), this);
                }
            }
        }
        return DONE;
    }

    @Override
    public synchronized CompletionStage<Void> onChange(ChangePayload payload) {
        Stored s = documents.computeIfAbsent(key(payload.roomId(), payload.documentName()),
                k -> new Stored(null, Map.of(), new ArrayList<>()));
        synchronized (s) {
            s.log().add(new Logged(payload.sequence(), payload.update(), payload.user() == null ? null : payload.user().id()));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The state replaces the snapshot and the log entries it holds; later ones (not in the state) are kept. */
    @Override
    public synchronized CompletionStage<Void> onStoreDocument(StorePayload payload) {
        documents.compute(key(payload.roomId(), payload.documentName()), (k, old) -> {
            List<Logged> after = new ArrayList<>();
            if (old != null) {
                synchronized (old) {
                    for (Logged l : old.log()) {
                        if (l.sequence() > payload.coversSequence()) {
                            after.add(l);
                        }
                    }
                }
            }
            return new Stored(payload.state(), payload.clientOwners(), after);
        });
        return DONE;
    }

    /** The stored state and log of a document as one list of updates, for tests; empty when nothing is stored. */
    public synchronized List<byte[]> updatesOf(String roomId, String document) {
        Stored s = documents.get(key(roomId, document));
        List<byte[]> out = new ArrayList<>();
        if (s != null) {
            synchronized (s) {
                if (s.snapshot() != null) {
                    out.add(s.snapshot());
                }
                s.log().forEach(l -> out.add(l.update()));
            }
        }
        return out;
    }
}
