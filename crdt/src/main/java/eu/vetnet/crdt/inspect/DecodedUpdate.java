package eu.vetnet.crdt.inspect;

import eu.vetnet.crdt.UpdateStructs;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.UpdateDecoderV1;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * A v1 update decoded once, for every check that reads it before it is applied (a server's shape rules and the
 * {@link UpdateInspector}): its struct groups in wire order, duplicates kept, and its delete set. Decoding is most of
 * the cost of a check; doing it once keeps judging an update close to the cost of applying it.
 *
 * <p>{@code emptyDeletion}: the delete set named a range of length 0. Merging drops it from {@code deletions}, but the
 * engine applying the bytes keeps one past the document's clock as a pending delete, so a check must see it.
 */
public record DecodedUpdate(List<Group> groups, DeleteSet deletions, boolean emptyDeletion) {

    /** One struct group: a client and its structs, in clock order from {@code firstClock}. */
    public record Group(long client, long firstClock, List<Struct> structs) {

        /** The clock after the group's last struct. */
        public long endClock() {
            return structs.isEmpty() ? firstClock : structs.get(structs.size() - 1).endClock();
        }
    }

    /** The client ids whose clocks this update extends past {@code doc}'s (judged before it is applied). */
    public List<Long> clientsExtending(YDoc doc) {
        List<Long> out = new ArrayList<>(groups.size());
        for (Group g : groups) {
            if (g.endClock() > doc.store().getState(g.client())) {
                out.add(g.client());
            }
        }
        return out;
    }

    /** Decodes {@code update}; throws DecodingException when the bytes do not decode. The delete set comes sorted and merged. */
    public static DecodedUpdate of(byte[] update) {
        UpdateDecoderV1 decoder = new UpdateDecoderV1(update);
        int count = decoder.readStructCount(2);
        List<Group> groups = new ArrayList<>(Math.min(count, 1024));
        for (int g = 0; g < count; g++) {
            int n = decoder.readStructCount(1);
            long client = decoder.readClient();
            long clock = decoder.rest().readVarUint();
            long first = clock;
            List<Struct> structs = new ArrayList<>(Math.min(n, 4096));
            for (int k = 0; k < n; k++) {
                Struct s = UpdateStructs.read(decoder, client, clock);
                structs.add(s);
                clock += s.length();
            }
            groups.add(new Group(client, first, structs));
        }
        DeleteSet deletions = DeleteSet.read(decoder);
        boolean empty = deletions.clients().values().stream().anyMatch(ranges -> ranges.stream().anyMatch(r -> r.len() == 0));
        // Overlapping ranges would make walks over them repeat work: merged, each clock is named once.
        deletions.sortAndMerge();
        return new DecodedUpdate(List.copyOf(groups), deletions, empty);
    }
}
