package eu.vetnet.crdt.types;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.ContentRefs;
import eu.vetnet.crdt.struct.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A shared list of JSON-like values, byte arrays, subdocuments and nested types. */
public final class YArray extends YType {

    /** Content inserted before the array joined a document. */
    private List<Object> prelim = new ArrayList<>();

    public YArray() {
        searchMarkers = new ArrayList<>();
    }

    @Override
    public void integrate(YDoc doc, Item item) {
        super.integrate(doc, item);
        List<Object> content = prelim;
        prelim = null;
        if (content != null && !content.isEmpty()) {
            insert(0, content);
        }
    }

    @Override
    public YType emptyCopy() {
        return new YArray();
    }

    public int length() {
        return prelim != null && doc == null ? prelim.size() : length;
    }

    public void insert(int index, List<?> values) {
        if (doc == null) {
            prelim.addAll(index, values);
            return;
        }
        doc.transact(t -> ListOps.insert(t, this, index, values));
    }

    public void push(List<?> values) {
        if (doc == null) {
            prelim.addAll(values);
            return;
        }
        doc.transact(t -> ListOps.push(t, this, values));
    }

    public void unshift(List<?> values) {
        insert(0, values);
    }

    public void delete(int index, int count) {
        if (doc == null) {
            prelim.subList(index, index + count).clear();
            return;
        }
        doc.transact(t -> ListOps.delete(t, this, index, count));
    }

    public void delete(int index) {
        delete(index, 1);
    }

    public Object get(int index) {
        requireDoc();
        return ListOps.get(this, index);
    }

    public List<Object> toList() {
        requireDoc();
        return ListOps.toList(this);
    }

    public List<Object> slice(int start, int end) {
        requireDoc();
        return ListOps.slice(this, start, end);
    }

    @Override
    public Object toJson() {
        requireDoc();
        List<Object> out = new ArrayList<>(length);
        for (Object v : ListOps.toList(this)) {
            out.add(v instanceof YType t ? t.toJson() : v);
        }
        return out;
    }

    @Override
    public void callObserver(Transaction transaction, Set<String> parentSubs) {
        super.callObserver(transaction, parentSubs);
        if (wantsEvent()) {
            emit(transaction, new YEvent(this, transaction));
        }
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        encoder.writeTypeRef(ContentRefs.TYPE_ARRAY);
    }
}
