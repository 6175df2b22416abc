package eu.vetnet.crdt.types;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.ContentRefs;
import eu.vetnet.crdt.struct.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An ordered list of XML nodes ({@link YXmlElement}, {@link YXmlText}): what y-prosemirror and Tiptap write. */
public class YXmlFragment extends YType {

    private List<Object> prelim = new ArrayList<>();

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
        return new YXmlFragment();
    }

    public int length() {
        return prelim != null && doc == null ? prelim.size() : length;
    }

    public void insert(int index, List<?> nodes) {
        if (doc == null) {
            prelim.addAll(index, nodes);
            return;
        }
        doc.transact(t -> ListOps.insert(t, this, index, nodes));
    }

    /** Inserts after {@code reference} (a child of this fragment), or at the start when it is null. */
    public void insertAfter(YType reference, List<?> nodes) {
        if (doc == null) {
            int index = reference == null ? 0 : prelim.indexOf(reference) + 1;
            prelim.addAll(index, nodes);
            return;
        }
        doc.transact(t -> ListOps.insertAfter(t, this, reference == null ? null : reference.item(), nodes));
    }

    public void push(List<?> nodes) {
        insert(length(), nodes);
    }

    public void delete(int index, int count) {
        if (doc == null) {
            prelim.subList(index, index + count).clear();
            return;
        }
        doc.transact(t -> ListOps.delete(t, this, index, count));
    }

    public Object get(int index) {
        requireDoc();
        return ListOps.get(this, index);
    }

    public List<Object> toList() {
        requireDoc();
        return ListOps.toList(this);
    }

    public YType firstChild() {
        Item first = first();
        return first == null ? null : (YType) first.content().values().get(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object child : ListOps.toList(this)) {
            // JavaScript prints anything but an XML node (a hook, a map) as "[object Object]"
            sb.append(child instanceof YXmlFragment || child instanceof YXmlText ? child.toString() : "[object Object]");
        }
        return sb.toString();
    }

    @Override
    public Object toJson() {
        return toString();
    }

    @Override
    public void callObserver(Transaction transaction, Set<String> parentSubs) {
        if (wantsEvent()) {
            emit(transaction, new YXmlEvent(this, parentSubs, transaction));
        }
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        encoder.writeTypeRef(ContentRefs.TYPE_XML_FRAGMENT);
    }
}
