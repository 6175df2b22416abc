package eu.vetnet.crdt.types;

import eu.vetnet.crdt.CrdtException;
import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Undefined;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.ContentAny;
import eu.vetnet.crdt.struct.ContentBinary;
import eu.vetnet.crdt.struct.ContentDoc;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Positional operations shared by arrays, XML children and (for reads) text. Mirrors Yjs's typeList*. */
final class ListOps {

    private ListOps() {
    }

    static Object get(YType type, int index) {
        SearchMarker marker = SearchMarker.find(type, index);
        Item n = type.start;
        if (marker != null) {
            n = marker.p;
            index -= marker.index;
        }
        for (; n != null; n = n.right()) {
            if (n.visible()) {
                if (index < n.length()) {
                    return n.content().values().get(index);
                }
                index -= n.length();
            }
        }
        return null;
    }

    static List<Object> toList(YType type) {
        List<Object> out = new ArrayList<>(type.length);
        for (Item n = type.start; n != null; n = n.right()) {
            if (n.visible()) {
                out.addAll(n.content().values());
            }
        }
        return out;
    }

    static List<Object> slice(YType type, int start, int end) {
        if (start < 0) {
            start = type.length + start;
        }
        if (end < 0) {
            end = type.length + end;
        }
        int len = end - start;
        List<Object> out = new ArrayList<>(Math.max(0, len));
        for (Item n = type.start; n != null && len > 0; n = n.right()) {
            if (n.visible()) {
                List<Object> c = n.content().values();
                if (c.size() <= start) {
                    start -= c.size();
                } else {
                    for (int i = start; i < c.size() && len > 0; i++) {
                        out.add(c.get(i));
                        len--;
                    }
                    start = 0;
                }
            }
        }
        return out;
    }

    /** Inserts {@code values} after {@code reference} (null: at the start), packing JSON-like runs together. */
    static void insertAfter(Transaction transaction, YType parent, Item reference, List<?> values) {
        YDoc doc = transaction.doc();
        StructStore store = doc.store();
        long client = doc.clientId();
        Item right = reference == null ? parent.start : reference.right();
        Item left = reference;
        List<Object> json = new ArrayList<>();
        for (Object c : values) {
            if (isJsonLike(c)) {
                json.add(c);
                continue;
            }
            left = pack(transaction, parent, left, right, json);
            Content content;
            if (c instanceof byte[] bytes) {
                content = new ContentBinary(bytes.clone());
            } else if (c instanceof YDoc sub) {
                content = new ContentDoc(sub);
            } else if (c instanceof YType t) {
                content = new ContentType(t);
            } else {
                throw new CrdtException("Unexpected content type in insert operation: "
                        + (c == null ? "null" : c.getClass().getName()));
            }
            left = integrateNew(transaction, parent, left, right, content);
        }
        pack(transaction, parent, left, right, json);
    }

    private static Item pack(Transaction transaction, YType parent, Item left, Item right, List<Object> json) {
        if (json.isEmpty()) {
            return left;
        }
        Item item = integrateNew(transaction, parent, left, right, new ContentAny(new ArrayList<>(json)));
        json.clear();
        return item;
    }

    static Item integrateNew(Transaction transaction, YType parent, Item left, Item right, Content content) {
        YDoc doc = transaction.doc();
        long client = doc.clientId();
        Item item = new Item(new Id(client, doc.store().getState(client)), left, left == null ? null : left.lastId(),
                right, right == null ? null : right.id(), parent, null, null, content);
        item.integrate(transaction, 0);
        return item;
    }

    /** Values Yjs packs into one ContentAny: null, numbers, booleans, strings, arrays and plain objects. */
    static boolean isJsonLike(Object c) {
        return c == null || c instanceof String || c instanceof Boolean
                || (c instanceof Number && !(c instanceof BigInteger)) || c instanceof List || c instanceof java.util.Map;
    }

    static void insert(Transaction transaction, YType parent, int index, List<?> values) {
        if (index > parent.length || index < 0) {
            throw new CrdtException("Length exceeded! index " + index + " of " + parent.length);
        }
        for (Object v : values) {
            if (isJsonLike(v)) {
                eu.vetnet.crdt.encoding.Any.requireValid(v);
            } else if (v instanceof Undefined || v instanceof BigInteger) {
                throw new CrdtException("Unexpected content type in insert operation: " + v);
            }
        }
        if (index == 0) {
            if (parent.searchMarkers != null) {
                SearchMarker.updateChanges(parent.searchMarkers, index, values.size());
            }
            insertAfter(transaction, parent, null, values);
            return;
        }
        int startIndex = index;
        SearchMarker marker = SearchMarker.find(parent, index);
        Item n = parent.start;
        if (marker != null) {
            n = marker.p;
            index -= marker.index;
            if (index == 0) {
                n = n.prev(); // the left neighbour that is not deleted, so the index can go down
                index += (n != null && n.visible()) ? n.length() : 0;
            }
        }
        for (; n != null; n = n.right()) {
            if (n.visible()) {
                if (index <= n.length()) {
                    if (index < n.length()) {
                        transaction.doc().store().getItemCleanStart(transaction, new Id(n.client(), n.clock() + index));
                    }
                    break;
                }
                index -= n.length();
            }
        }
        if (parent.searchMarkers != null) {
            SearchMarker.updateChanges(parent.searchMarkers, startIndex, values.size());
        }
        insertAfter(transaction, parent, n, values);
    }

    static void push(Transaction transaction, YType parent, List<?> values) {
        // Start from the marker with the highest index and walk to the end.
        Item n = parent.start;
        int best = 0;
        if (parent.searchMarkers != null) {
            for (SearchMarker m : parent.searchMarkers) {
                if (m.index > best) {
                    best = m.index;
                    n = m.p;
                }
            }
        }
        if (n != null) {
            while (n.right() != null) {
                n = n.right();
            }
        }
        insertAfter(transaction, parent, n, values);
    }

    static void delete(Transaction transaction, YType parent, int index, int length) {
        if (length == 0) {
            return;
        }
        int startIndex = index;
        int startLength = length;
        SearchMarker marker = SearchMarker.find(parent, index);
        Item n = parent.start;
        if (marker != null) {
            n = marker.p;
            index -= marker.index;
        }
        StructStore store = transaction.doc().store();
        for (; n != null && index > 0; n = n.right()) {
            if (n.visible()) {
                if (index < n.length()) {
                    store.getItemCleanStart(transaction, new Id(n.client(), n.clock() + index));
                }
                index -= n.length();
            }
        }
        while (length > 0 && n != null) {
            if (!n.isDeleted()) {
                if (length < n.length()) {
                    store.getItemCleanStart(transaction, new Id(n.client(), n.clock() + length));
                }
                n.delete(transaction);
                length -= n.length();
            }
            n = n.right();
        }
        if (length > 0) {
            throw new CrdtException("Length exceeded! could not delete " + length + " more");
        }
        if (parent.searchMarkers != null) {
            SearchMarker.updateChanges(parent.searchMarkers, startIndex, -startLength + length);
        }
    }
}
