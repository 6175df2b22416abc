package eu.vetnet.crdt.types;

import eu.vetnet.crdt.CrdtException;
import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one transaction changed in one type. Changes are computed on first read, during the event only. */
public class YEvent {

    /** How a map key changed: "add", "update" or "delete", with the value before. */
    public record KeyChange(String action, Object oldValue) {
    }

    private final YType target;
    private YType currentTarget;
    private final Transaction transaction;
    private List<Object> path;
    private Map<String, KeyChange> keys;
    private List<DeltaOp> listDelta;
    private Set<Item> added;
    private Set<Item> deleted;

    protected YEvent(YType target, Transaction transaction) {
        this.target = target;
        this.currentTarget = target;
        this.transaction = transaction;
    }

    public YType target() {
        return target;
    }

    public YType currentTarget() {
        return currentTarget;
    }

    public void setCurrentTarget(YType type) {
        this.currentTarget = type;
        this.path = null;
    }

    public Transaction transaction() {
        return transaction;
    }

    /** Keys (strings) and indices (integers) from {@link #currentTarget()} down to {@link #target()}. */
    public List<Object> path() {
        if (path == null) {
            path = pathTo(currentTarget, target);
        }
        return path;
    }

    private static List<Object> pathTo(YType parent, YType child) {
        LinkedList<Object> path = new LinkedList<>();
        while (child.item != null && child != parent) {
            Item it = child.item;
            if (it.parentSub() != null) {
                path.addFirst(it.parentSub());
            } else {
                int i = 0;
                Item c = it.parent().start;
                while (c != it && c != null) {
                    if (c.visible()) {
                        i += c.length();
                    }
                    c = c.right();
                }
                path.addFirst(i);
            }
            child = it.parent();
        }
        return new ArrayList<>(path);
    }

    public boolean adds(Struct struct) {
        return transaction.adds(struct);
    }

    public boolean deletes(Struct struct) {
        return transaction.deletes(struct);
    }

    void requireDuringEvent() {
        if (!transaction.doc().inCleanup()) {
            throw new CrdtException("You must not compute changes after the event-handler fired.");
        }
    }

    /** The map keys this transaction changed. */
    public Map<String, KeyChange> keys() {
        if (keys == null) {
            requireDuringEvent();
            Map<String, KeyChange> out = new LinkedHashMap<>();
            Set<String> changed = transaction.changed().get(target);
            if (changed != null) {
                for (String key : changed) {
                    if (key == null) {
                        continue;
                    }
                    Item item = target.map.get(key);
                    if (adds(item)) {
                        Item prev = item.left();
                        while (prev != null && adds(prev)) {
                            prev = prev.left();
                        }
                        if (deletes(item)) {
                            if (prev != null && deletes(prev)) {
                                out.put(key, new KeyChange("delete", MapOps.last(prev)));
                            }
                        } else if (prev != null && deletes(prev)) {
                            out.put(key, new KeyChange("update", MapOps.last(prev)));
                        } else {
                            out.put(key, new KeyChange("add", null));
                        }
                    } else if (deletes(item)) {
                        out.put(key, new KeyChange("delete", MapOps.last(item)));
                    }
                }
            }
            keys = out;
        }
        return keys;
    }

    /** The list changes (inserts as lists of values), for arrays and XML children. */
    public List<DeltaOp> delta() {
        computeListChanges();
        return listDelta;
    }

    public Set<Item> addedItems() {
        computeListChanges();
        return added;
    }

    public Set<Item> deletedItems() {
        computeListChanges();
        return deleted;
    }

    private void computeListChanges() {
        if (listDelta != null) {
            return;
        }
        requireDuringEvent();
        List<DeltaOp> delta = new ArrayList<>();
        added = new LinkedHashSet<>();
        deleted = new LinkedHashSet<>();
        Set<String> changed = transaction.changed().get(target);
        if (changed != null && changed.contains(null)) {
            String kind = null;
            List<Object> inserted = null;
            int count = 0;
            for (Item item = target.start; item != null; item = item.right()) {
                String k;
                if (item.isDeleted()) {
                    if (!(deletes(item) && !adds(item))) {
                        continue;
                    }
                    k = "delete";
                    deleted.add(item);
                } else if (adds(item)) {
                    k = "insert";
                    added.add(item);
                } else {
                    k = "retain";
                }
                if (!k.equals(kind)) {
                    flush(delta, kind, inserted, count);
                    kind = k;
                    inserted = new ArrayList<>();
                    count = 0;
                }
                if (k.equals("insert")) {
                    inserted.addAll(item.content().values());
                } else {
                    count += item.length();
                }
            }
            if (kind != null && !kind.equals("retain")) {
                flush(delta, kind, inserted, count);
            }
        }
        listDelta = delta;
    }

    private static void flush(List<DeltaOp> delta, String kind, List<Object> inserted, int count) {
        if (kind == null) {
            return;
        }
        switch (kind) {
            case "insert" -> delta.add(DeltaOp.insert(inserted, null));
            case "delete" -> delta.add(DeltaOp.delete(count));
            default -> delta.add(DeltaOp.retain(count, null));
        }
    }
}
