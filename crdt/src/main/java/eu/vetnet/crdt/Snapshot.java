package eu.vetnet.crdt;

import eu.vetnet.crdt.encoding.UpdateDecoderV1;
import eu.vetnet.crdt.encoding.UpdateEncoderV1;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A document's state at one moment: its state vector and delete set. With garbage collection off, the
 * content as of any snapshot can be rebuilt ({@link #restore}); history replay rests on this.
 */
public final class Snapshot {

    private final DeleteSet ds;
    private final Map<Long, Long> sv;

    public Snapshot(DeleteSet ds, Map<Long, Long> sv) {
        this.ds = ds;
        this.sv = sv;
    }

    public static Snapshot of(YDoc doc) {
        return new Snapshot(DeleteSet.fromStore(doc.store()), doc.store().getStateVector());
    }

    public DeleteSet deleteSet() {
        return ds;
    }

    public Map<Long, Long> stateVector() {
        return Collections.unmodifiableMap(sv);
    }

    /** Whether the item existed and was not deleted at {@code snapshot} (null: now). */
    public static boolean isVisible(Item item, Snapshot snapshot) {
        if (snapshot == null) {
            return !item.isDeleted();
        }
        Long clock = snapshot.sv.get(item.client());
        return clock != null && clock > item.clock() && !snapshot.ds.contains(item.id());
    }

    /** Splits items so that every snapshot boundary falls between structs (done once per transaction). */
    public void splitAffectedStructs(Transaction t) {
        @SuppressWarnings("unchecked")
        Set<Snapshot> done = (Set<Snapshot>) t.meta().computeIfAbsent(Snapshot.class, k -> new HashSet<Snapshot>());
        if (done.contains(this)) {
            return;
        }
        StructStore store = t.doc().store();
        for (Map.Entry<Long, Long> e : sv.entrySet()) {
            if (e.getValue() < store.getState(e.getKey())) {
                store.getItemCleanStart(t, new Id(e.getKey(), e.getValue()));
            }
        }
        store.iterateDeleted(t, ds, s -> {
        });
        done.add(this);
    }

    public byte[] encode() {
        UpdateEncoderV1 encoder = new UpdateEncoderV1();
        ds.write(encoder);
        StateVectors.write(encoder.rest(), sv);
        return encoder.toByteArray();
    }

    public static Snapshot decode(byte[] bytes) {
        UpdateDecoderV1 decoder = new UpdateDecoderV1(bytes);
        DeleteSet ds = DeleteSet.read(decoder);
        return new Snapshot(ds, StateVectors.read(decoder.rest()));
    }

    /**
     * A new document holding {@code origin}'s content as of this snapshot. Requires {@code origin} to keep
     * deleted content (gc off), as in Yjs.
     */
    public YDoc restore(YDoc origin, YDoc into) {
        if (origin.gcEnabled()) {
            throw new CrdtException("Garbage-collection must be disabled in `originDoc`!");
        }
        UpdateEncoderV1 encoder = new UpdateEncoderV1();
        origin.transact(t -> {
            int size = 0;
            for (long clock : sv.values()) {
                if (clock > 0) {
                    size++;
                }
            }
            encoder.rest().writeVarUint(size);
            for (Map.Entry<Long, Long> e : sv.entrySet()) {
                long client = e.getKey();
                long clock = e.getValue();
                if (clock == 0) {
                    continue;
                }
                if (clock < origin.store().getState(client)) {
                    origin.store().getItemCleanStart(t, new Id(client, clock));
                }
                StructList structs = origin.store().clients().get(client);
                int last = structs.findIndex(clock - 1);
                encoder.rest().writeVarUint(last + 1);
                encoder.writeClient(client);
                encoder.rest().writeVarUint(0);
                for (int i = 0; i <= last; i++) {
                    structs.get(i).write(encoder, 0);
                }
            }
            ds.write(encoder);
        });
        into.applyUpdate(encoder.toByteArray(), "snapshot");
        return into;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.sv.equals(sv) && s.ds.sameAs(ds);
    }

    @Override
    public int hashCode() {
        return sv.hashCode();
    }

}
