package eu.vetnet.crdt.store;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.Struct;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every struct of a document, per client, ordered by clock; plus what arrived but cannot be integrated yet
 * (structs whose dependencies are missing, deletions of things not seen yet).
 */
public final class StructStore {

    /** Structs waiting for their dependencies, as one update, and the lowest missing clock per client. */
    public record Pending(Map<Long, Long> missing, byte[] update) {
    }

    private final Map<Long, StructList> clients = new LinkedHashMap<>();
    /** The open transactions' trackers: every growth of a client is reported to each (see StateTracker). */
    private final java.util.List<StateTracker> trackers = new java.util.ArrayList<>(2);
    // Most lookups are for the same client again (one user typing): skip the boxed map lookup then.
    private long lastClient = -1;
    private StructList lastList;

    /** The structs of {@code client}, or null. */
    public StructList structsOf(long client) {
        if (client == lastClient && lastList != null) {
            return lastList;
        }
        StructList list = clients.get(client);
        if (list != null) {
            lastClient = client;
            lastList = list;
        }
        return list;
    }
    private Pending pendingStructs;
    private byte[] pendingDeletes;

    public Map<Long, StructList> clients() {
        return clients;
    }

    public Pending pendingStructs() {
        return pendingStructs;
    }

    public void setPendingStructs(Pending pending) {
        this.pendingStructs = pending;
    }

    public byte[] pendingDeletes() {
        return pendingDeletes;
    }

    public void setPendingDeletes(byte[] update) {
        this.pendingDeletes = update;
    }

    /** The next clock expected from {@code client}: everything below it is here. */
    public long getState(long client) {
        StructList structs = structsOf(client);
        if (structs == null) {
            return 0;
        }
        return structs.last().endClock();
    }

    public Map<Long, Long> getStateVector() {
        Map<Long, Long> sv = new LinkedHashMap<>();
        for (Map.Entry<Long, StructList> e : clients.entrySet()) {
            sv.put(e.getKey(), e.getValue().last().endClock());
        }
        return sv;
    }

    public void track(StateTracker tracker) {
        trackers.add(tracker);
    }

    public void untrack(StateTracker tracker) {
        trackers.remove(tracker);
    }

    public void addStruct(Struct struct) {
        StructList structs = structsOf(struct.client());
        long oldState = structs == null ? 0 : structs.last().endClock();
        for (int i = 0; i < trackers.size(); i++) {
            trackers.get(i).note(struct.client(), oldState);
        }
        if (structs == null) {
            structs = new StructList();
            clients.put(struct.client(), structs);
        } else if (structs.last().endClock() != struct.clock()) {
            throw new IllegalStateException("struct " + struct.id() + " does not follow " + structs.last().id());
        }
        structs.add(struct);
    }

    /** The struct holding {@code id}; the caller has checked the state vector first. */
    public Struct find(Id id) {
        StructList structs = structsOf(id.client());
        if (structs == null) {
            throw new IllegalStateException("no structs of client " + id.client());
        }
        return structs.get(structs.findIndex(id.clock()));
    }


    /** The index of the struct starting exactly at {@code clock}, splitting an item when needed. */
    public static int findIndexCleanStart(Transaction transaction, StructList structs, long clock) {
        int index = structs.findIndex(clock);
        Struct struct = structs.get(index);
        if (struct.clock() < clock && struct instanceof Item item) {
            structs.insert(index + 1, item.split(transaction, (int) (clock - item.clock())));
            return index + 1;
        }
        return index;
    }

    /** The struct starting at {@code id}, splitting the item that holds it when needed. */
    public Struct getItemCleanStart(Transaction transaction, Id id) {
        StructList structs = structsOf(id.client());
        return structs.get(findIndexCleanStart(transaction, structs, id.clock()));
    }

    /** The struct ending at {@code id}, splitting the item that holds it when needed. */
    public Struct getItemCleanEnd(Transaction transaction, Id id) {
        StructList structs = structsOf(id.client());
        int index = structs.findIndex(id.clock());
        Struct struct = structs.get(index);
        if (id.clock() != struct.clock() + struct.length() - 1 && struct instanceof Item item) {
            structs.insert(index + 1, item.split(transaction, (int) (id.clock() - item.clock() + 1)));
        }
        return struct;
    }

    public void replaceStruct(Struct struct, Struct replacement) {
        StructList structs = structsOf(struct.client());
        structs.set(structs.findIndex(struct.clock()), replacement);
    }

    /** Calls {@code f} on every struct covering {@code [clockStart, clockStart + len)}, split to fit exactly. */
    public static void iterateStructs(Transaction transaction, StructList structs, long clockStart, long len,
            Consumer<Struct> f) {
        if (len == 0) {
            return;
        }
        long clockEnd = clockStart + len;
        int index = findIndexCleanStart(transaction, structs, clockStart);
        Struct struct;
        do {
            struct = structs.get(index++);
            if (clockEnd < struct.endClock()) {
                findIndexCleanStart(transaction, structs, clockEnd);
            }
            f.accept(struct);
        } while (index < structs.size() && structs.get(index).clock() < clockEnd);
    }

    /** Calls {@code f} on every struct a delete set covers (as far as this store has them). */
    public void iterateDeleted(Transaction transaction, DeleteSet ds, Consumer<Struct> f) {
        for (Map.Entry<Long, java.util.List<DeleteSet.Range>> e : ds.clients().entrySet()) {
            StructList structs = clients.get(e.getKey());
            if (structs == null) {
                continue;
            }
            long state = structs.last().endClock();
            for (DeleteSet.Range del : e.getValue()) {
                if (del.clock() >= state) {
                    break;
                }
                iterateStructs(transaction, structs, del.clock(), del.len(), f);
            }
        }
    }
}
