package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YType;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlFragment;
import eu.vetnet.crdt.types.YXmlHook;
import eu.vetnet.crdt.types.YXmlText;
import java.util.ArrayList;
import java.util.List;

/** A nested shared type. */
public final class ContentType implements Content {

    private final YType type;

    public ContentType(YType type) {
        this.type = type;
    }

    public YType type() {
        return type;
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
        return List.of(type);
    }

    @Override
    public Content copy() {
        return new ContentType(type.emptyCopy());
    }

    @Override
    public Content splice(int offset) {
        throw new UnsupportedOperationException("type content has length 1");
    }

    @Override
    public boolean mergeWith(Content right) {
        return false;
    }

    @Override
    public void integrate(Transaction transaction, Item item) {
        type.integrate(transaction.doc(), item);
    }

    @Override
    public void delete(Transaction transaction) {
        for (Item item = type.start(); item != null; item = item.right()) {
            deleteChild(transaction, item);
        }
        for (Item item : new ArrayList<>(type.itemMap().values())) {
            deleteChild(transaction, item);
        }
        transaction.removeChangedType(type);
    }

    private static void deleteChild(Transaction transaction, Item item) {
        if (!item.isDeleted()) {
            item.delete(transaction);
        } else if (item.clock() < transaction.beforeState(item.client())) {
            // Deleted before this transaction: it will be collected later and should merge with its
            // neighbours then, but the transaction's delete set does not name it; remember it for merging.
            transaction.mergeStructs().add(item);
        }
    }

    @Override
    public void gc(StructStore store) {
        for (Item item = type.start(); item != null; item = item.right()) {
            item.gc(store, true);
        }
        type.setStart(null);
        for (Item item : type.itemMap().values()) {
            for (Item i = item; i != null; i = i.left()) {
                i.gc(store, true);
            }
        }
        type.itemMap().clear();
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        type.writeTypeRef(encoder);
    }

    @Override
    public int ref() {
        return ContentRefs.TYPE;
    }

    static ContentType read(UpdateDecoder decoder) {
        int ref = decoder.readTypeRef();
        YType type = switch (ref) {
            case ContentRefs.TYPE_ARRAY -> new YArray();
            case ContentRefs.TYPE_MAP -> new YMap();
            case ContentRefs.TYPE_TEXT -> new YText();
            case ContentRefs.TYPE_XML_ELEMENT -> new YXmlElement(decoder.readKey());
            case ContentRefs.TYPE_XML_FRAGMENT -> new YXmlFragment();
            case ContentRefs.TYPE_XML_HOOK -> new YXmlHook(decoder.readKey());
            case ContentRefs.TYPE_XML_TEXT -> new YXmlText();
            default -> throw new DecodingException("unknown type ref " + ref);
        };
        return new ContentType(type);
    }
}
