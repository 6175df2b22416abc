package eu.vetnet.crdt.inspect;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.struct.ContentDeleted;
import eu.vetnet.crdt.struct.GcStruct;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.Struct;
import java.util.List;
import java.util.Map;

/**
 * An upper bound of how much an update can grow a document's encoding, for quotas. An update's own length is not one:
 * deleting or inserting inside an existing run of content splits it, and each split adds a struct to the encoding
 * (a deletion of one character in the middle of a word adds two), and collected or deleted content it carries adds a
 * range to the encoded delete set. Linear in the update, a binary search per boundary.
 */
public final class EncodedGrowth {

    /** The most one split adds: a struct's info byte, two ids of up to two 10-byte varints each, a length. */
    static final int BYTES_PER_SPLIT = 48;
    /** The most one deleted range adds to the encoded delete set: a client switch, a clock and a length. */
    static final int BYTES_PER_DELETED_RANGE = 24;

    private EncodedGrowth() {
    }

    /** Bytes the encoding of {@code doc} may grow by when {@code update} (encoded in {@code length} bytes) is applied. */
    public static long bound(YDoc doc, DecodedUpdate update, int length) {
        long splits = 0;
        long ranges = 0;
        for (DecodedUpdate.Group g : update.groups()) {
            for (Struct s : g.structs()) {
                if (s instanceof Item item) {
                    splits += inside(doc, item.origin(), 1) + inside(doc, item.rightOrigin(), 0);
                    if (item.content() instanceof ContentDeleted) {
                        ranges++; // deleted content the update carries lands in the encoded delete set too
                    }
                } else if (s instanceof GcStruct) {
                    ranges++; // collected clocks are a deleted range of the encoding
                }
            }
        }
        for (Map.Entry<Long, List<DeleteSet.Range>> e : update.deletions().clients().entrySet()) {
            for (DeleteSet.Range r : e.getValue()) {
                ranges++;
                splits += inside(doc, new Id(e.getKey(), r.clock()), 0) + inside(doc, new Id(e.getKey(), r.end()), 0);
            }
        }
        return length + splits * BYTES_PER_SPLIT + ranges * BYTES_PER_DELETED_RANGE;
    }

    /**
     * 1 when the document must split a struct to cut right after {@code id} ({@code after} = 1, a left neighbour) or
     * right before it ({@code after} = 0): the cut falls strictly inside a struct it has.
     */
    private static int inside(YDoc doc, Id id, int after) {
        return cutsInsideRun(doc, id, after) ? 1 : 0;
    }

    /** Whether a cut right after {@code id} ({@code after} = 1) or right before it falls strictly inside a run of {@code doc}. */
    static boolean cutsInsideRun(YDoc doc, Id id, int after) {
        if (id == null) {
            return false;
        }
        StructList structs = doc.store().clients().get(id.client());
        long cut = id.clock() + after;
        if (structs == null || cut >= structs.last().endClock()) {
            return false;
        }
        return cut > structs.get(structs.findIndex(cut)).clock();
    }
}
