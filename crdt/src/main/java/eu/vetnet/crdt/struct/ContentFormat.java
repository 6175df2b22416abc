package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.List;

/** A formatting mark in rich text: from here on, attribute {@code key} is {@code value} (null ends it). */
public final class ContentFormat implements Content {

    private final String key;
    private final Object value;

    public ContentFormat(String key, Object value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public Object value() {
        return value;
    }

    @Override
    public int length() {
        return 1;
    }

    @Override
    public boolean countable() {
        return false;
    }

    @Override
    public List<Object> values() {
        return List.of();
    }

    @Override
    public Content copy() {
        return new ContentFormat(key, value);
    }

    @Override
    public Content splice(int offset) {
        throw new UnsupportedOperationException("format content has length 1");
    }

    @Override
    public boolean mergeWith(Content right) {
        return false;
    }

    @Override
    public void integrate(Transaction transaction, Item item) {
        // Search markers assume no formatting; Yjs turns them off for good once a list has any.
        item.parent().onFormatIntegrated();
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeKey(key);
        encoder.writeJson(value);
    }

    @Override
    public int ref() {
        return ContentRefs.FORMAT;
    }
}
