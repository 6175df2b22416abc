package eu.vetnet.crdt;

import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StateTracker;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.types.YEvent;
import eu.vetnet.crdt.types.YType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch of changes to a document: what it deleted, which types it changed, the state before and after.
 * Observers and the update event see it once the outermost {@link YDoc#transact} returns.
 */
public final class Transaction {

    private final YDoc doc;
    private final Object origin;
    boolean local;
    private final DeleteSet deleteSet = new DeleteSet();
    final StateTracker tracker = new StateTracker();
    /** Clock of each touched client when cleanup began: this transaction's after state where it differs. */
    private Map<Long, Long> afterTouched;
    private final Map<YType, Set<String>> changed = new LinkedHashMap<>();
    private final Map<YType, List<YEvent>> changedParentTypes = new LinkedHashMap<>();
    private final List<Item> mergeStructs = new ArrayList<>();
    // Rarely used: allocated on first use (a transaction per keystroke makes every allocation count).
    private Map<Object, Object> meta;
    private Set<YDoc> subdocsAdded;
    private Set<YDoc> subdocsRemoved;
    private Set<YDoc> subdocsLoaded;
    boolean needFormattingCleanup;

    Transaction(YDoc doc, Object origin, boolean local) {
        this.doc = doc;
        this.origin = origin;
        this.local = local;
        doc.store().track(tracker);
    }

    /** Freezes the after state (cleanup start); later transactions' changes are not this one's. */
    void captureAfterState() {
        afterTouched = new LinkedHashMap<>(tracker.touched().size() * 2);
        for (Long client : tracker.touched().keySet()) {
            afterTouched.put(client, doc.store().getState(client));
        }
    }

    public YDoc doc() {
        return doc;
    }

    /** What the caller passed to {@link YDoc#transact}: lets observers tell their own changes from others'. */
    public Object origin() {
        return origin;
    }

    /** False for transactions that apply updates from elsewhere. */
    public boolean local() {
        return local;
    }

    public DeleteSet deleteSet() {
        return deleteSet;
    }

    /** The state vector when this transaction started (clients that had structs then). */
    public Map<Long, Long> beforeState() {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Long client : doc.store().clients().keySet()) {
            long clock = beforeState(client);
            if (clock > 0) {
                out.put(client, clock);
            }
        }
        return out;
    }

    public long beforeState(long client) {
        Long clock = tracker.touched().get(client);
        return clock != null ? clock : doc.store().getState(client);
    }

    /** The state vector when cleanup began (every client with structs then). */
    public Map<Long, Long> afterState() {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Long client : doc.store().clients().keySet()) {
            Long after = afterTouched == null ? null : afterTouched.get(client);
            long clock = after != null ? after : beforeState(client);
            if (clock > 0) {
                out.put(client, clock);
            }
        }
        return out;
    }

    /** The clients whose clock this transaction advanced: client to {before, after}. */
    public Map<Long, long[]> changedClients() {
        Map<Long, long[]> out = new LinkedHashMap<>();
        if (afterTouched != null) {
            for (Map.Entry<Long, Long> e : afterTouched.entrySet()) {
                long before = tracker.touched().get(e.getKey());
                if (before != e.getValue()) {
                    out.put(e.getKey(), new long[] {before, e.getValue()});
                }
            }
        }
        return out;
    }

    /** Clients that grew since this transaction started (also by transactions run during its cleanup). */
    public Map<Long, Long> touchedSinceStart() {
        return tracker.touched();
    }

    /** Types changed, with the map keys changed (null for list content). */
    public Map<YType, Set<String>> changed() {
        return changed;
    }

    /** Every type whose subtree changed, with the events of its descendants, for deep observers. */
    public Map<YType, List<YEvent>> changedParentTypes() {
        return changedParentTypes;
    }

    public List<Item> mergeStructs() {
        return mergeStructs;
    }

    public Map<Object, Object> meta() {
        if (meta == null) {
            meta = new HashMap<>();
        }
        return meta;
    }

    public Set<YDoc> subdocsAdded() {
        if (subdocsAdded == null) {
            subdocsAdded = new LinkedHashSet<>();
        }
        return subdocsAdded;
    }

    public Set<YDoc> subdocsRemoved() {
        if (subdocsRemoved == null) {
            subdocsRemoved = new LinkedHashSet<>();
        }
        return subdocsRemoved;
    }

    public Set<YDoc> subdocsLoaded() {
        if (subdocsLoaded == null) {
            subdocsLoaded = new LinkedHashSet<>();
        }
        return subdocsLoaded;
    }

    /** Whether subdocuments were added or removed (without allocating the sets). */
    boolean changedSubdocs() {
        return (subdocsAdded != null && !subdocsAdded.isEmpty()) || (subdocsRemoved != null && !subdocsRemoved.isEmpty());
    }

    /** Asks for the formatting clean-up Yjs runs after remote changes to rich text. */
    public void requestFormattingCleanup() {
        needFormattingCleanup = true;
    }

    /** Records a change to {@code type}, unless the type itself was created in this transaction. */
    public void addChangedType(YType type, String parentSub) {
        Item item = type.item();
        if (item == null || (item.clock() < beforeState(item.client()) && !item.isDeleted())) {
            changed.computeIfAbsent(type, t -> new HashSet<>(2)).add(parentSub);
        }
    }

    public void removeChangedType(YType type) {
        changed.remove(type);
    }

    /** Whether the struct with this id was inserted in this transaction. */
    public boolean adds(eu.vetnet.crdt.struct.Struct struct) {
        return struct.clock() >= beforeState(struct.client());
    }

    public boolean deletes(eu.vetnet.crdt.struct.Struct struct) {
        return deleteSet.contains(struct.id());
    }
}
