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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    /**
     * Deletes everything this type holds, at any depth. Nested types are walked with a work list, not by recursion:
     * a document may hold types nested thousands deep, and a stack overflow in the middle of a transaction would
     * leave the document half-changed (docs/rooms.md, "Depth"). The outcome equals Yjs's recursive walk: each child
     * is marked deleted before its own children are.
     */
    @Override
    public void delete(Transaction transaction) {
        Deque<YType> types = new ArrayDeque<>();
        types.push(type);
        while (!types.isEmpty()) {
            YType current = types.pop();
            for (Item item = current.start(); item != null; item = item.right()) {
                deleteChild(transaction, item, types);
            }
            for (Item item : new ArrayList<>(current.itemMap().values())) {
                deleteChild(transaction, item, types);
            }
            transaction.removeChangedType(current);
        }
    }

    private static void deleteChild(Transaction transaction, Item item, Deque<YType> types) {
        if (!item.isDeleted()) {
            item.deleteOnly(transaction);
            if (item.content() instanceof ContentType nested) {
                types.push(nested.type);
            } else {
                item.content().delete(transaction);
            }
        } else if (item.clock() < transaction.beforeState(item.client())) {
            // Deleted before this transaction: it will be collected later and should merge with its
            // neighbours then, but the transaction's delete set does not name it; remember it for merging.
            transaction.mergeStructs().add(item);
        }
    }

    /** Collects everything this type holds, at any depth, with a work list (see {@link #delete}). */
    @Override
    public void gc(StructStore store) {
        Deque<YType> types = new ArrayDeque<>();
        types.push(type);
        while (!types.isEmpty()) {
            YType current = types.pop();
            for (Item item = current.start(); item != null; item = item.right()) {
                collectChild(store, item, types);
            }
            current.setStart(null);
            for (Item item : current.itemMap().values()) {
                for (Item i = item; i != null; i = i.left()) {
                    collectChild(store, i, types);
                }
            }
            current.itemMap().clear();
        }
    }

    private static void collectChild(StructStore store, Item item, Deque<YType> types) {
        if (!item.isDeleted()) {
            throw new IllegalStateException("only deleted items are collected");
        }
        if (item.content() instanceof ContentType nested) {
            types.push(nested.type);
        } else {
            item.content().gc(store);
        }
        item.collectOnly(store);
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
