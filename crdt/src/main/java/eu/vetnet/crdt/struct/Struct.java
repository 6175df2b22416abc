package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.Transaction;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.StructStore;

/**
 * A run of consecutive clocks of one client: an {@link Item} with content, a {@link GcStruct} whose content
 * was collected, or a {@link SkipStruct} standing for clocks an update does not carry.
 */
public abstract sealed class Struct permits Item, GcStruct, SkipStruct {

    /** No client id is negative, so this marks "nothing missing" in {@link #missingClient}. */
    public static final long NONE_MISSING = -1;

    protected Id id;
    protected int length;

    protected Struct(Id id, int length) {
        this.id = id;
        this.length = length;
    }

    public final Id id() {
        return id;
    }

    public final long client() {
        return id.client();
    }

    public final long clock() {
        return id.clock();
    }

    public final int length() {
        return length;
    }

    /** The clock just past this struct. */
    public final long endClock() {
        return id.clock() + length;
    }

    /** The id of this struct's last unit. */
    public final Id lastId() {
        return length == 1 ? id : new Id(id.client(), id.clock() + length - 1);
    }

    public abstract boolean isDeleted();

    /** Appends {@code right} to this struct when both are adjacent and compatible; true when it did. */
    public abstract boolean mergeWith(Struct right);

    /** Writes this struct, or only its part from {@code offset} on. */
    public abstract void write(UpdateEncoder encoder, int offset);

    public abstract void integrate(Transaction transaction, int offset);

    /**
     * The client whose structs this one needs and the store lacks, or {@link #NONE_MISSING}. When nothing is
     * missing, an item also resolves its origins and parent here (this is when it learns its neighbours).
     */
    public abstract long missingClient(Transaction transaction, StructStore store);
}
