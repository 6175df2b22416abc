package eu.vetnet.crdt;

import eu.vetnet.crdt.encoding.UpdateEncoderV1;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.Struct;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YEvent;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YType;
import eu.vetnet.crdt.types.YUntypedRoot;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlFragment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A shared document: named root types, the struct store behind them, transactions and their events.
 * Not thread-safe: one document is used by one thread at a time (the room server gives each room its own).
 */
public final class YDoc {

    /** How a document is made; every field has the default Yjs uses. */
    public record Options(Long clientId, boolean gc, String guid, Predicate<Item> gcFilter, Object meta,
            boolean autoLoad, boolean shouldLoad) {

        public static Options defaults() {
            return new Options(null, true, null, item -> true, null, false, true);
        }

        public Options withClientId(long id) {
            return new Options(id, gc, guid, gcFilter, meta, autoLoad, shouldLoad);
        }

        public Options withGc(boolean enabled) {
            return new Options(clientId, enabled, guid, gcFilter, meta, autoLoad, shouldLoad);
        }

        public Options withGuid(String g) {
            return new Options(clientId, gc, g, gcFilter, meta, autoLoad, shouldLoad);
        }

        public Options withGcFilter(Predicate<Item> filter) {
            return new Options(clientId, gc, guid, filter, meta, autoLoad, shouldLoad);
        }
    }

    private long clientId;
    private final boolean gc;
    private final Predicate<Item> gcFilter;
    private final String guid;
    private final Object meta;
    private final boolean autoLoad;
    private boolean shouldLoad;
    private final Map<String, YType> share = new LinkedHashMap<>();
    private final StructStore store = new StructStore();
    private Transaction transaction;
    private List<Transaction> transactionCleanups = new ArrayList<>();
    private final Set<YDoc> subdocs = new LinkedHashSet<>();
    private Item item;

    private final List<UpdateListener> updateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Transaction>> beforeObserverCallsListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Transaction>> afterTransactionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Transaction>> afterCleanupListeners = new CopyOnWriteArrayList<>();

    public YDoc() {
        this(Options.defaults());
    }

    public YDoc(long clientId) {
        this(Options.defaults().withClientId(clientId));
    }

    public YDoc(Options options) {
        this.clientId = options.clientId() != null ? options.clientId() : newClientId();
        this.gc = options.gc();
        this.gcFilter = options.gcFilter() != null ? options.gcFilter() : i -> true;
        this.guid = options.guid() != null ? options.guid() : UUID.randomUUID().toString();
        this.meta = options.meta();
        this.autoLoad = options.autoLoad();
        this.shouldLoad = options.shouldLoad();
    }

    /** A subdocument as Yjs makes one from the guid and options found in an update. */
    public static YDoc subdocument(String guid, Map<String, Object> opts) {
        boolean gc = !Boolean.FALSE.equals(opts.get("gc"));
        boolean autoLoad = Boolean.TRUE.equals(opts.get("autoLoad"));
        boolean shouldLoad = Boolean.TRUE.equals(opts.get("shouldLoad")) || autoLoad;
        return new YDoc(new Options(null, gc, guid, i -> true, opts.get("meta"), autoLoad, shouldLoad));
    }

    /** A random 32-bit client id, as Yjs draws one. */
    public static long newClientId() {
        return ThreadLocalRandom.current().nextLong(1L << 32);
    }

    public long clientId() {
        return clientId;
    }

    public boolean gcEnabled() {
        return gc;
    }

    public Predicate<Item> gcFilter() {
        return gcFilter;
    }

    public String guid() {
        return guid;
    }

    public Object meta() {
        return meta;
    }

    public boolean autoLoad() {
        return autoLoad;
    }

    public boolean shouldLoad() {
        return shouldLoad;
    }

    public StructStore store() {
        return store;
    }

    public Map<String, YType> share() {
        return share;
    }

    public Set<YDoc> subdocs() {
        return subdocs;
    }

    /** The item holding this document when it is a subdocument. */
    public Item item() {
        return item;
    }

    public void attachTo(Item holder) {
        this.item = holder;
    }

    /** The transaction in progress, or null. */
    public Transaction currentTransaction() {
        return transaction;
    }

    // ---- root types ----------------------------------------------------------------------------------

    public YText getText(String name) {
        return get(name, YText.class, YText::new);
    }

    public YMap getMap(String name) {
        return get(name, YMap.class, YMap::new);
    }

    public YArray getArray(String name) {
        return get(name, YArray.class, YArray::new);
    }

    public YXmlFragment getXmlFragment(String name) {
        return get(name, YXmlFragment.class, YXmlFragment::new);
    }

    public YXmlElement getXmlElement(String name) {
        return get(name, YXmlElement.class, () -> new YXmlElement("UNDEFINED"));
    }

    /**
     * The root type called {@code name}, created when missing. A root first seen in an update has no kind
     * yet; the first typed access gives it one and moves its content over, as Yjs does.
     */
    public <T extends YType> T get(String name, Class<T> kind, java.util.function.Supplier<T> create) {
        YType existing = share.get(name);
        if (existing == null) {
            T t = create.get();
            t.integrateAsRoot(this, name);
            share.put(name, t);
            return t;
        }
        if (kind.isInstance(existing) && existing.getClass() == kind) {
            return kind.cast(existing);
        }
        if (existing instanceof YUntypedRoot) {
            T t = create.get();
            t.takeOver(existing);
            share.put(name, t);
            t.integrateAsRoot(this, name);
            return t;
        }
        throw new CrdtException("Type with the name " + name + " has already been defined as "
                + existing.getClass().getSimpleName());
    }

    /** The root called {@code name} as it is, creating an untyped one when missing (the decoder's view). */
    public YType getRoot(String name) {
        YType existing = share.get(name);
        if (existing != null) {
            return existing;
        }
        YUntypedRoot t = new YUntypedRoot();
        t.integrateAsRoot(this, name);
        share.put(name, t);
        return t;
    }

    /** The content of every root type, as JSON-like values. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, YType> e : share.entrySet()) {
            out.put(e.getKey(), e.getValue().toJson());
        }
        return out;
    }

    // ---- transactions ---------------------------------------------------------------------------------

    public void transact(Consumer<Transaction> f) {
        transact(f, null);
    }

    public void transact(Consumer<Transaction> f, Object origin) {
        transact(t -> {
            f.accept(t);
            return null;
        }, origin, true);
    }

    /**
     * Runs {@code f} in a transaction. Nested calls join the running one; when the outermost returns,
     * observers run, deleted content is collected, structs merge and the update event fires.
     */
    public <T> T transact(Function<Transaction, T> f, Object origin, boolean local) {
        boolean initialCall = false;
        if (transaction == null) {
            initialCall = true;
            transaction = new Transaction(this, origin, local);
            transactionCleanups.add(transaction);
        }
        try {
            return f.apply(transaction);
        } finally {
            if (initialCall) {
                boolean finishCleanup = transaction == transactionCleanups.get(0);
                transaction = null;
                if (finishCleanup) {
                    cleanupTransactions(transactionCleanups, 0);
                }
            }
        }
    }

    private void cleanupTransactions(List<Transaction> cleanups, int i) {
        // Observers may start new transactions; those are queued and cleaned up one after another.
        while (i < cleanups.size()) {
            Transaction t = cleanups.get(i);
            DeleteSet ds = t.deleteSet();
            try {
                ds.sortAndMerge();
                t.captureAfterState();
                for (Consumer<Transaction> l : beforeObserverCallsListeners) {
                    l.accept(t);
                }
                callObservers(t);
            } finally {
                if (gc) {
                    tryGcDeleteSet(ds);
                }
                tryMergeDeleteSet(ds);
                for (Map.Entry<Long, long[]> e : t.changedClients().entrySet()) {
                    long beforeClock = e.getValue()[0];
                    {
                        StructList structs = store.clients().get(e.getKey());
                        int firstChangePos = Math.max(structs.findIndex(beforeClock), 1);
                        for (int k = structs.size() - 1; k >= firstChangePos; ) {
                            k -= 1 + tryToMergeWithLefts(structs, k);
                        }
                    }
                }
                List<Item> mergeStructs = t.mergeStructs();
                for (int k = mergeStructs.size() - 1; k >= 0; k--) {
                    Item m = mergeStructs.get(k);
                    StructList structs = store.clients().get(m.client());
                    int replacedPos = structs.findIndex(m.clock());
                    if (replacedPos + 1 < structs.size()) {
                        if (tryToMergeWithLefts(structs, replacedPos + 1) > 1) {
                            continue;
                        }
                    }
                    if (replacedPos > 0) {
                        tryToMergeWithLefts(structs, replacedPos);
                    }
                }
                if (!t.local() && t.changedClients().containsKey(clientId)) {
                    // Someone else writes with our client id: take a new one so our clocks stay ours.
                    clientId = newClientId();
                }
                for (Consumer<Transaction> l : afterCleanupListeners) {
                    l.accept(t);
                }
                if (!updateListeners.isEmpty()) {
                    byte[] update = UpdateWriter.updateFromTransaction(t, new UpdateEncoderV1());
                    if (update != null) {
                        for (UpdateListener l : updateListeners) {
                            l.onUpdate(update, t.origin(), t);
                        }
                    }
                }
                if (t.changedSubdocs()) {
                    for (YDoc d : t.subdocsAdded()) {
                        d.clientId = clientId;
                        subdocs.add(d);
                    }
                    subdocs.removeAll(t.subdocsRemoved());
                }
                store.untrack(t.tracker);
                if (cleanups.size() <= i + 1) {
                    transactionCleanups = new ArrayList<>();
                }
            }
            i++;
        }
    }

    /**
     * Type observers, then deep observers, then afterTransaction listeners, then Yjs's formatting clean-up.
     * Every one runs even when another throws; the first error is rethrown once all have run.
     */
    private void callObservers(Transaction t) {
        RuntimeException first = null;
        for (Map.Entry<YType, Set<String>> e : t.changed().entrySet()) {
            YType type = e.getKey();
            try {
                if (type.item() == null || !type.item().isDeleted()) {
                    type.callObserver(t, e.getValue());
                }
            } catch (RuntimeException ex) {
                first = first == null ? ex : first;
            }
        }
        for (Map.Entry<YType, List<YEvent>> e : t.changedParentTypes().entrySet()) {
            YType type = e.getKey();
            if (type.hasDeepObservers() && (type.item() == null || !type.item().isDeleted())) {
                List<YEvent> events = new ArrayList<>();
                for (YEvent ev : e.getValue()) {
                    if (ev.target().item() == null || !ev.target().item().isDeleted()) {
                        ev.setCurrentTarget(type);
                        events.add(ev);
                    }
                }
                events.sort((a, b) -> Integer.compare(a.path().size(), b.path().size()));
                try {
                    type.callDeepObservers(events, t);
                } catch (RuntimeException ex) {
                    first = first == null ? ex : first;
                }
            }
        }
        for (Consumer<Transaction> l : afterTransactionListeners) {
            try {
                l.accept(t);
            } catch (RuntimeException ex) {
                first = first == null ? ex : first;
            }
        }
        if (t.needFormattingCleanup) {
            try {
                YText.cleanupAfterTransaction(t);
            } catch (RuntimeException ex) {
                first = first == null ? ex : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void tryGcDeleteSet(DeleteSet ds) {
        for (Map.Entry<Long, List<DeleteSet.Range>> e : ds.clients().entrySet()) {
            StructList structs = store.clients().get(e.getKey());
            List<DeleteSet.Range> ranges = e.getValue();
            for (int di = ranges.size() - 1; di >= 0; di--) {
                DeleteSet.Range del = ranges.get(di);
                long end = del.clock() + del.len();
                for (int si = structs.findIndex(del.clock()); si < structs.size(); si++) {
                    Struct s = structs.get(si);
                    if (s.clock() >= end) {
                        break;
                    }
                    if (s instanceof Item it && it.isDeleted() && !it.keep() && gcFilter.test(it)) {
                        it.gc(store, false);
                    }
                }
            }
        }
    }

    private void tryMergeDeleteSet(DeleteSet ds) {
        for (Map.Entry<Long, List<DeleteSet.Range>> e : ds.clients().entrySet()) {
            StructList structs = store.clients().get(e.getKey());
            List<DeleteSet.Range> ranges = e.getValue();
            for (int di = ranges.size() - 1; di >= 0; di--) {
                DeleteSet.Range del = ranges.get(di);
                int mostRight = Math.min(structs.size() - 1, 1 + structs.findIndex(del.clock() + del.len() - 1));
                for (int si = mostRight; si > 0 && structs.get(si).clock() >= del.clock(); ) {
                    si -= 1 + tryToMergeWithLefts(structs, si);
                }
            }
        }
    }

    /** Merges the struct at {@code pos} into its left neighbours as far as possible; returns how many merged. */
    static int tryToMergeWithLefts(StructList structs, int pos) {
        Struct right = structs.get(pos);
        Struct left = structs.get(pos - 1);
        int i = pos;
        for (; i > 0; right = left, left = i - 2 >= 0 ? structs.get(i - 2) : null, i--) {
            if (left.isDeleted() == right.isDeleted() && left.getClass() == right.getClass() && left.mergeWith(right)) {
                if (right instanceof Item ri && ri.parentSub() != null
                        && ri.parent().itemMap().get(ri.parentSub()) == ri) {
                    ri.parent().itemMap().put(ri.parentSub(), (Item) left);
                }
                continue;
            }
            break;
        }
        int merged = pos - i;
        if (merged > 0) {
            structs.removeRange(pos + 1 - merged, merged);
        }
        return merged;
    }

    // ---- updates ---------------------------------------------------------------------------------------

    public void applyUpdate(byte[] update) {
        applyUpdate(update, null);
    }

    /** Applies a v1 update. Bytes that do not decode throw {@link eu.vetnet.crdt.encoding.DecodingException} and change nothing. */
    public void applyUpdate(byte[] update, Object origin) {
        UpdateReader.apply(this, update, origin);
    }

    /** Applies an update in format v2; otherwise as {@link #applyUpdate(byte[], Object)}. */
    public void applyUpdateV2(byte[] update, Object origin) {
        UpdateReader.apply(this, update, origin, eu.vetnet.crdt.encoding.UpdateFormat.V2);
    }

    public void applyUpdateV2(byte[] update) {
        applyUpdateV2(update, null);
    }

    /** Everything a peer with {@code stateVector} (null: nothing) lacks, as a v2 update. */
    public byte[] encodeStateAsUpdateV2(byte[] stateVector) {
        return UpdateWriter.encodeStateAsUpdate(this, stateVector, eu.vetnet.crdt.encoding.UpdateFormat.V2);
    }

    public byte[] encodeStateAsUpdate() {
        return UpdateWriter.encodeStateAsUpdate(this, null);
    }

    /** Everything this document has that a peer with {@code stateVector} lacks, as a v1 update. */
    public byte[] encodeStateAsUpdate(byte[] stateVector) {
        return UpdateWriter.encodeStateAsUpdate(this, stateVector);
    }

    public byte[] encodeStateVector() {
        return StateVectors.encode(store.getStateVector());
    }

    // ---- listeners ------------------------------------------------------------------------------------

    public Subscription onUpdate(UpdateListener listener) {
        updateListeners.add(listener);
        return () -> updateListeners.remove(listener);
    }

    public boolean hasAfterTransactionListeners() {
        return !afterTransactionListeners.isEmpty();
    }

    public Subscription onAfterTransaction(Consumer<Transaction> listener) {
        afterTransactionListeners.add(listener);
        return () -> afterTransactionListeners.remove(listener);
    }

    public Subscription onBeforeObserverCalls(Consumer<Transaction> listener) {
        beforeObserverCallsListeners.add(listener);
        return () -> beforeObserverCallsListeners.remove(listener);
    }

    public Subscription onAfterTransactionCleanup(Consumer<Transaction> listener) {
        afterCleanupListeners.add(listener);
        return () -> afterCleanupListeners.remove(listener);
    }

    /** Whether a transaction's cleanup is running, during which events may still compute their changes. */
    public boolean inCleanup() {
        return !transactionCleanups.isEmpty();
    }
}
