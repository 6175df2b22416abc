package eu.vetnet.crdt;

import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.Struct;
import eu.vetnet.crdt.types.YType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Undo and redo of the changes made to some types by some origins (by default: local changes without an
 * origin), as Yjs's UndoManager: changes within {@code captureTimeout} of each other form one step; undoing
 * deletes what a step inserted and re-inserts (as new items) what it deleted; other users' edits stay.
 */
public final class UndoManager implements AutoCloseable {

    /** One undoable step: what it inserted and what it deleted. */
    public static final class StackItem {
        DeleteSet insertions;
        DeleteSet deletions;
        private final java.util.Map<String, Object> meta = new java.util.HashMap<>();

        StackItem(DeleteSet deletions, DeleteSet insertions) {
            this.deletions = deletions;
            this.insertions = insertions;
        }

        /** Room for callers to remember things with a step (a cursor position, for instance). */
        public java.util.Map<String, Object> meta() {
            return meta;
        }
    }

    /** Options, with Yjs's defaults. */
    public record Options(long captureTimeoutMs, Predicate<Transaction> captureTransaction,
            Predicate<Item> deleteFilter, Set<Object> trackedOrigins, boolean ignoreRemoteMapChanges,
            LongSupplier clock) {

        public static Options defaults() {
            Set<Object> origins = new HashSet<>();
            origins.add(null);
            return new Options(500, t -> true, i -> true, origins, false, System::currentTimeMillis);
        }

        public Options withCaptureTimeout(long ms) {
            return new Options(ms, captureTransaction, deleteFilter, trackedOrigins, ignoreRemoteMapChanges, clock);
        }

        public Options withTrackedOrigins(Set<Object> origins) {
            return new Options(captureTimeoutMs, captureTransaction, deleteFilter, origins, ignoreRemoteMapChanges, clock);
        }

        public Options withClock(LongSupplier c) {
            return new Options(captureTimeoutMs, captureTransaction, deleteFilter, trackedOrigins, ignoreRemoteMapChanges, c);
        }
    }

    private final YDoc doc;
    private final List<YType> scope = new ArrayList<>();
    private final Options options;
    private final Set<Object> trackedOrigins;
    private final List<StackItem> undoStack = new ArrayList<>();
    private final List<StackItem> redoStack = new ArrayList<>();
    private boolean undoing;
    private boolean redoing;
    private StackItem currStackItem;
    private long lastChange;
    private final Subscription subscription;
    private final List<Consumer<StackItem>> addedListeners = new CopyOnWriteArrayList<>();

    public UndoManager(YType type) {
        this(List.of(type), Options.defaults());
    }

    public UndoManager(List<? extends YType> types, Options options) {
        this.doc = types.get(0).doc();
        this.options = options;
        this.trackedOrigins = new HashSet<>(options.trackedOrigins());
        this.trackedOrigins.add(this);
        addToScope(types);
        this.subscription = doc.onAfterTransaction(this::afterTransaction);
    }

    public void addToScope(List<? extends YType> types) {
        for (YType t : types) {
            if (!scope.contains(t)) {
                if (t.doc() != doc) {
                    throw new CrdtException("every type of an UndoManager must belong to the same document");
                }
                scope.add(t);
            }
        }
    }

    public void addTrackedOrigin(Object origin) {
        trackedOrigins.add(origin);
    }

    public void removeTrackedOrigin(Object origin) {
        trackedOrigins.remove(origin);
    }

    public Subscription onStackItemAdded(Consumer<StackItem> listener) {
        addedListeners.add(listener);
        return () -> addedListeners.remove(listener);
    }

    public boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public boolean canRedo() {
        return !redoStack.isEmpty();
    }

    /** Ends the current step: the next change starts a new one even within the capture timeout. */
    public void stopCapturing() {
        lastChange = 0;
    }

    private boolean inScope(Transaction t, Item item) {
        for (YType type : scope) {
            if (isParentOf(type, item)) {
                return true;
            }
        }
        return false;
    }

    static boolean isParentOf(YType parent, Item child) {
        while (child != null) {
            if (child.parent() == parent) {
                return true;
            }
            child = child.parent().item();
        }
        return false;
    }

    static void keepItem(Item item, boolean keep) {
        while (item != null && item.keep() != keep) {
            item.setKeep(keep);
            item = item.parent().item();
        }
    }

    private void afterTransaction(Transaction t) {
        boolean touchesScope = false;
        for (YType type : scope) {
            if (t.changedParentTypes().containsKey(type)) {
                touchesScope = true;
                break;
            }
        }
        Object origin = t.origin();
        boolean tracked = trackedOrigins.contains(origin) || (origin != null && trackedOrigins.contains(origin.getClass()));
        if (!options.captureTransaction().test(t) || !touchesScope || !tracked) {
            return;
        }
        List<StackItem> stack = undoing ? redoStack : undoStack;
        if (undoing) {
            stopCapturing();
        } else if (!redoing) {
            clear(false, true);
        }
        DeleteSet insertions = new DeleteSet();
        for (Map.Entry<Long, long[]> e : t.changedClients().entrySet()) {
            long start = e.getValue()[0];
            long len = e.getValue()[1] - start;
            if (len > 0) {
                insertions.add(e.getKey(), start, len);
            }
        }
        long now = options.clock().getAsLong();
        boolean didAdd = false;
        if (lastChange > 0 && now - lastChange < options.captureTimeoutMs() && !stack.isEmpty() && !undoing && !redoing) {
            StackItem last = stack.get(stack.size() - 1);
            last.deletions = DeleteSet.merge(List.of(last.deletions, t.deleteSet()));
            last.insertions = DeleteSet.merge(List.of(last.insertions, insertions));
        } else {
            stack.add(new StackItem(t.deleteSet(), insertions));
            didAdd = true;
        }
        if (!undoing && !redoing) {
            lastChange = now;
        }
        doc.store().iterateDeleted(t, t.deleteSet(), s -> {
            if (s instanceof Item item && inScope(t, item)) {
                keepItem(item, true);
            }
        });
        if (didAdd) {
            for (Consumer<StackItem> l : addedListeners) {
                l.accept(stack.get(stack.size() - 1));
            }
        }
    }

    public void clear(boolean clearUndo, boolean clearRedo) {
        if ((clearUndo && canUndo()) || (clearRedo && canRedo())) {
            doc.transact(t -> {
                if (clearUndo) {
                    undoStack.forEach(item -> clearStackItem(t, item));
                    undoStack.clear();
                }
                if (clearRedo) {
                    redoStack.forEach(item -> clearStackItem(t, item));
                    redoStack.clear();
                }
            });
        }
    }

    private void clearStackItem(Transaction t, StackItem item) {
        doc.store().iterateDeleted(t, item.deletions, s -> {
            if (s instanceof Item i && inScope(t, i)) {
                keepItem(i, false);
            }
        });
    }

    /** Undoes the last step; returns it, or null when there was nothing (left) to undo. */
    public StackItem undo() {
        undoing = true;
        try {
            return popStackItem(undoStack);
        } finally {
            undoing = false;
        }
    }

    public StackItem redo() {
        redoing = true;
        try {
            return popStackItem(redoStack);
        } finally {
            redoing = false;
        }
    }

    private StackItem popStackItem(List<StackItem> stack) {
        StructStore store = doc.store();
        doc.transact(t -> {
            while (!stack.isEmpty() && currStackItem == null) {
                StackItem stackItem = stack.remove(stack.size() - 1);
                Set<Item> itemsToRedo = new LinkedHashSet<>();
                List<Item> itemsToDelete = new ArrayList<>();
                boolean performedChange = false;
                store.iterateDeleted(t, stackItem.insertions, s -> {
                    if (s instanceof Item item) {
                        if (item.redone() != null) {
                            Struct followed = followRedone(t, store, item.id());
                            if (!(followed instanceof Item)) {
                                return;
                            }
                            item = (Item) followed;
                        }
                        if (!item.isDeleted() && inScope(t, item)) {
                            itemsToDelete.add(item);
                        }
                    }
                });
                store.iterateDeleted(t, stackItem.deletions, s -> {
                    if (s instanceof Item item && inScope(t, item) && !stackItem.insertions.contains(item.id())) {
                        itemsToRedo.add(item);
                    }
                });
                for (Item item : itemsToRedo) {
                    performedChange = redoItem(t, item, itemsToRedo, stackItem.insertions) != null || performedChange;
                }
                for (int i = itemsToDelete.size() - 1; i >= 0; i--) {
                    Item item = itemsToDelete.get(i);
                    if (options.deleteFilter().test(item)) {
                        item.delete(t);
                        performedChange = true;
                    }
                }
                currStackItem = performedChange ? stackItem : null;
            }
            for (Map.Entry<YType, Set<String>> e : t.changed().entrySet()) {
                if (e.getValue().contains(null)) {
                    e.getKey().clearSearchMarkers();
                }
            }
        }, this);
        StackItem result = currStackItem;
        currStackItem = null;
        return result;
    }

    /** The item that now holds the content of {@code id}, following redo links; split to start at it. */
    private static Struct followRedone(Transaction t, StructStore store, Id id) {
        Id next = id;
        long diff = 0;
        Struct item;
        do {
            if (diff > 0) {
                next = new Id(next.client(), next.clock() + diff);
            }
            item = store.find(next);
            diff = next.clock() - item.clock();
            next = item instanceof Item i ? i.redone() : null;
        } while (next != null);
        if (diff > 0 && item instanceof Item) {
            item = store.getItemCleanStart(t, new Id(item.client(), item.clock() + diff));
        }
        return item;
    }

    private boolean deletedByStack(List<StackItem> stack, Id id) {
        for (StackItem s : stack) {
            if (s.deletions.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Re-inserts a deleted item's content as a new item where it was (Yjs's redoItem). */
    private Item redoItem(Transaction t, Item item, Set<Item> redoItems, DeleteSet itemsToDelete) {
        StructStore store = doc.store();
        if (item.redone() != null) {
            return (Item) store.getItemCleanStart(t, item.redone());
        }
        Item parentItem = item.parent().item();
        Item left = null;
        Item right;
        if (parentItem != null && parentItem.isDeleted()) {
            if (parentItem.redone() == null && (!redoItems.contains(parentItem)
                    || redoItem(t, parentItem, redoItems, itemsToDelete) == null)) {
                return null;
            }
            while (parentItem.redone() != null) {
                parentItem = (Item) store.getItemCleanStart(t, parentItem.redone());
            }
        }
        YType parentType = parentItem == null ? item.parent() : ((ContentType) parentItem.content()).type();
        if (item.parentSub() == null) {
            left = item.left();
            right = item;
            while (left != null) {
                Item trace = left;
                while (trace != null && trace.parent().item() != parentItem) {
                    trace = trace.redone() == null ? null : (Item) store.getItemCleanStart(t, trace.redone());
                }
                if (trace != null && trace.parent().item() == parentItem) {
                    left = trace;
                    break;
                }
                left = left.left();
            }
            while (right != null) {
                Item trace = right;
                while (trace != null && trace.parent().item() != parentItem) {
                    trace = trace.redone() == null ? null : (Item) store.getItemCleanStart(t, trace.redone());
                }
                if (trace != null && trace.parent().item() == parentItem) {
                    right = trace;
                    break;
                }
                right = right.right();
            }
        } else {
            right = null;
            if (item.right() != null && !options.ignoreRemoteMapChanges()) {
                left = item;
                while (left != null && left.right() != null && (left.right().redone() != null
                        || itemsToDelete.contains(left.right().id()) || deletedByStack(undoStack, left.right().id())
                        || deletedByStack(redoStack, left.right().id()))) {
                    left = left.right();
                    while (left.redone() != null) {
                        left = (Item) store.getItemCleanStart(t, left.redone());
                    }
                }
                if (left != null && left.right() != null) {
                    return null; // someone else changed this key since: undoing would overwrite them
                }
            } else {
                left = parentType.itemMap().get(item.parentSub());
            }
            if (left != null && left.parent().item() != parentItem) {
                left = parentType.itemMap().get(item.parentSub());
            }
        }
        long client = doc.clientId();
        Id nextId = new Id(client, store.getState(client));
        Item redone = new Item(nextId, left, left == null ? null : left.lastId(), right, right == null ? null : right.id(),
                parentType, null, item.parentSub(), item.content().copy());
        item.setRedone(nextId);
        keepItem(redone, true);
        redone.integrate(t, 0);
        return redone;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
