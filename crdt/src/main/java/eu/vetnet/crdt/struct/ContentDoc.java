package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subdocument: only its guid and options live in the parent; its content syncs on its own. The options are
 * rebuilt from the subdocument as Yjs does (gc, autoLoad, meta, in that order), so they re-encode alike.
 */
public final class ContentDoc implements Content {

    private final YDoc doc;
    private final Map<String, Object> opts;

    public ContentDoc(YDoc doc) {
        this.doc = doc;
        this.opts = new LinkedHashMap<>();
        if (!doc.gcEnabled()) {
            opts.put("gc", Boolean.FALSE);
        }
        if (doc.autoLoad()) {
            opts.put("autoLoad", Boolean.TRUE);
        }
        if (doc.meta() != null) {
            opts.put("meta", doc.meta());
        }
    }

    public YDoc doc() {
        return doc;
    }

    @Override
    public int length() {
        return 1;
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        return List.of(doc);
    }

    @Override
    public Content copy() {
        return new ContentDoc(YDoc.subdocument(doc.guid(), opts));
    }

    @Override
    public Content splice(int offset) {
        throw new UnsupportedOperationException("document content has length 1");
    }

    @Override
    public boolean mergeWith(Content right) {
        return false;
    }

    @Override
    public void integrate(Transaction transaction, Item item) {
        doc.attachTo(item);
        transaction.subdocsAdded().add(doc);
        if (doc.shouldLoad()) {
            transaction.subdocsLoaded().add(doc);
        }
    }

    @Override
    public void delete(Transaction transaction) {
        if (!transaction.subdocsAdded().remove(doc)) {
            transaction.subdocsRemoved().add(doc);
        }
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeString(doc.guid());
        encoder.writeAny(opts);
    }

    @Override
    public int ref() {
        return ContentRefs.DOC;
    }

    @SuppressWarnings("unchecked")
    static ContentDoc read(UpdateDecoder decoder) {
        String guid = decoder.readString();
        Object opts = decoder.readAny();
        if (!(opts instanceof Map)) {
            throw new DecodingException("subdocument options must be an object");
        }
        return new ContentDoc(YDoc.subdocument(guid, (Map<String, Object>) opts));
    }
}
