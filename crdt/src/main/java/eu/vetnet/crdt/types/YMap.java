package eu.vetnet.crdt.types;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Any;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.ContentRefs;
import eu.vetnet.crdt.struct.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A shared map from strings to values or nested types. The last write of a key wins. */
public class YMap extends YType {

    private Map<String, Object> prelim = new LinkedHashMap<>();

    @Override
    public void integrate(YDoc doc, Item item) {
        super.integrate(doc, item);
        Map<String, Object> content = prelim;
        prelim = null;
        if (content != null) {
            for (Map.Entry<String, Object> e : content.entrySet()) {
                set(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public YType emptyCopy() {
        return new YMap();
    }

    public void set(String key, Object value) {
        if (doc == null) {
            prelim.put(key, value);
            return;
        }
        doc.transact(t -> MapOps.set(t, this, key, value));
    }

    public void delete(String key) {
        if (doc == null) {
            prelim.remove(key);
            return;
        }
        doc.transact(t -> MapOps.delete(t, this, key));
    }

    public void clear() {
        if (doc == null) {
            prelim.clear();
            return;
        }
        doc.transact(t -> {
            for (String key : new ArrayList<>(keys())) {
                MapOps.delete(t, this, key);
            }
        });
    }

    public Object get(String key) {
        requireDoc();
        return MapOps.get(this, key);
    }

    public boolean has(String key) {
        requireDoc();
        return MapOps.has(this, key);
    }

    public List<String> keys() {
        requireDoc();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Item> e : map.entrySet()) {
            if (!e.getValue().isDeleted()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    public int size() {
        return keys().size();
    }

    /** Key to value, in the order keys first appeared in this replica. */
    public Map<String, Object> entries() {
        requireDoc();
        return MapOps.getAll(this);
    }

    @Override
    public Object toJson() {
        requireDoc();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : MapOps.getAll(this).entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof YType t ? t.toJson() : v);
        }
        return Any.jsOrder(out);
    }

    @Override
    public void callObserver(Transaction transaction, Set<String> parentSubs) {
        if (wantsEvent()) {
            emit(transaction, new YMapEvent(this, transaction, parentSubs));
        }
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        encoder.writeTypeRef(ContentRefs.TYPE_MAP);
    }
}
