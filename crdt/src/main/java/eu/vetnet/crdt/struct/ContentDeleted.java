package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.List;

/** Deleted content whose values were dropped but whose item is kept (garbage collection keeps the item). */
public final class ContentDeleted implements Content {

    private int len;

    public ContentDeleted(int len) {
        this.len = len;
    }

    @Override
    public int length() {
        return len;
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
        return new ContentDeleted(len);
    }

    @Override
    public Content splice(int offset) {
        ContentDeleted right = new ContentDeleted(len - offset);
        len = offset;
        return right;
    }

    @Override
    public boolean mergeWith(Content right) {
        len += ((ContentDeleted) right).len;
        return true;
    }

    @Override
    public void integrate(Transaction transaction, Item item) {
        transaction.deleteSet().add(item.client(), item.clock(), len);
        item.markDeleted();
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeLen(len - offset);
    }

    @Override
    public int ref() {
        return ContentRefs.DELETED;
    }
}
