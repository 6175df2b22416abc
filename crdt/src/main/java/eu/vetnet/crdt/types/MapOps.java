package eu.vetnet.crdt.types;

import eu.vetnet.crdt.CrdtException;
import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Any;
import eu.vetnet.crdt.encoding.Undefined;
import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.ContentAny;
import eu.vetnet.crdt.struct.ContentBinary;
import eu.vetnet.crdt.struct.ContentDoc;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Key-value operations shared by maps, XML attributes and text attributes. Mirrors Yjs's typeMap*. */
final class MapOps {

    private MapOps() {
    }

    static void delete(Transaction transaction, YType parent, String key) {
        Item c = parent.map.get(key);
        if (c != null) {
            c.delete(transaction);
        }
    }

    static void set(Transaction transaction, YType parent, String key, Object value) {
        Item left = parent.map.get(key);
        YDoc doc = transaction.doc();
        long client = doc.clientId();
        Content content;
        if (value == null || value == Undefined.INSTANCE || value instanceof BigInteger || ListOps.isJsonLike(value)) {
            Any.requireValid(value);
            List<Object> one = new ArrayList<>(1);
            one.add(value);
            content = new ContentAny(one);
        } else if (value instanceof byte[] bytes) {
            content = new ContentBinary(bytes);
        } else if (value instanceof YDoc sub) {
            content = new ContentDoc(sub);
        } else if (value instanceof YType t) {
            content = new ContentType(t);
        } else {
            throw new CrdtException("Unexpected content type: " + value.getClass().getName());
        }
        new Item(new Id(client, doc.store().getState(client)), left, left == null ? null : left.lastId(), null, null,
                parent, null, key, content).integrate(transaction, 0);
    }

    static Object get(YType parent, String key) {
        Item val = parent.map.get(key);
        return val != null && !val.isDeleted() ? last(val) : null;
    }

    static boolean has(YType parent, String key) {
        Item val = parent.map.get(key);
        return val != null && !val.isDeleted();
    }

    static Map<String, Object> getAll(YType parent) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Item> e : parent.map.entrySet()) {
            if (!e.getValue().isDeleted()) {
                out.put(e.getKey(), last(e.getValue()));
            }
        }
        return out;
    }

    static Object last(Item item) {
        List<Object> values = item.content().values();
        return values.get(values.size() - 1);
    }
}
