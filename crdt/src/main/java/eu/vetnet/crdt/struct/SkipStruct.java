package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.StructStore;

/**
 * A gap in a merged update: clocks the update does not carry. Never integrated into a document. Wire
 * number 10, its length always a plain varint (the v2 encoder's length stream cannot predict it).
 */
public final class SkipStruct extends Struct {

    public SkipStruct(Id id, int length) {
        super(id, length);
    }

    public void setLength(int length) {
        this.length = length;
    }

    @Override
    public boolean isDeleted() {
        return true;
    }

    @Override
    public boolean mergeWith(Struct right) {
        if (!(right instanceof SkipStruct)) {
            return false;
        }
        length += right.length;
        return true;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeInfo(ContentRefs.SKIP);
        encoder.rest().writeVarUint(length - offset);
    }

    @Override
    public void integrate(Transaction transaction, int offset) {
        throw new IllegalStateException("a skip struct is never integrated");
    }

    @Override
    public long missingClient(Transaction transaction, StructStore store) {
        return NONE_MISSING;
    }

    public SkipStruct sliceFrom(int diff) {
        return new SkipStruct(new Id(id.client(), id.clock() + diff), length - diff);
    }

    @Override
    public String toString() {
        return "Skip(" + id + ", " + length + ")";
    }
}
