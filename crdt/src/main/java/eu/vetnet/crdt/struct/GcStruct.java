package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.StructStore;

/** Deleted content whose item was garbage-collected: only its id range remains. Wire number 0. */
public final class GcStruct extends Struct {

    public GcStruct(Id id, int length) {
        super(id, length);
    }

    @Override
    public boolean isDeleted() {
        return true;
    }

    @Override
    public boolean mergeWith(Struct right) {
        if (!(right instanceof GcStruct)) {
            return false;
        }
        length += right.length;
        return true;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeInfo(ContentRefs.GC);
        encoder.writeLen(length - offset);
    }

    @Override
    public void integrate(Transaction transaction, int offset) {
        if (offset > 0) {
            id = new Id(id.client(), id.clock() + offset);
            length -= offset;
        }
        transaction.doc().store().addStruct(this);
    }

    @Override
    public long missingClient(Transaction transaction, StructStore store) {
        return NONE_MISSING;
    }

    /** A copy of the part from {@code diff} on, used when merging updates. */
    public GcStruct sliceFrom(int diff) {
        return new GcStruct(new Id(id.client(), id.clock() + diff), length - diff);
    }

    @Override
    public String toString() {
        return "GC(" + id + ", " + length + ")";
    }
}
