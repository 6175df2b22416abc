package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.struct.ContentDoc;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape rules of docs/rooms.md ("What the server checks", 1: every writer, every document), stated again on the
 * bytes of an update the server applied and the document's state vector before it, without ClientIds: one group per
 * client, no Skip struct, no gap before a group, no partial overlap, no deletion of clocks neither the document nor the
 * update has, no subdocument, and new clocks only under a client id that is new or the sender's own.
 */
final class ShapeOracle {

    private ShapeOracle() {
    }

    /** Everything wrong with the shape of {@code update}, applied to a document with {@code state} and {@code owners}. */
    static List<String> judge(byte[] update, Map<Long, Long> state, Map<Long, String> owners, String me) {
        List<String> v = new ArrayList<>();
        Wire w;
        try {
            w = Wire.decode(update);
        } catch (RuntimeException e) {
            v.add("the applied update does not decode as v1: " + e);
            return v;
        }
        Set<Long> seen = new HashSet<>();
        Map<Long, Long> reach = new HashMap<>(state);
        for (Wire.Group g : w.groups) {
            long known = state.getOrDefault(g.client, 0L);
            long end = g.end();
            if (!seen.add(g.client)) {
                v.add("client " + g.client + " is named in two groups");
            }
            for (Struct s : g.structs) {
                if (s instanceof SkipStruct) {
                    v.add("a Skip struct in the group of client " + g.client);
                }
                if (s instanceof Item i && i.content() instanceof ContentDoc) {
                    v.add("a subdocument under client " + g.client);
                }
            }
            if (end <= known) {
                continue; // nothing new: changes nothing
            }
            if (g.clock > known) {
                v.add("client " + g.client + " starts at clock " + g.clock + " but the document has " + known + " (a gap)");
            } else if (g.clock < known) {
                v.add("client " + g.client + " overlaps: clocks " + g.clock + ".." + end + " and the document has " + known);
            }
            String owner = owners.get(g.client);
            if (owner != null && !owner.equals(me)) {
                v.add("new clocks " + known + ".." + end + " under client " + g.client + " of " + owner);
            }
            if (g.clock <= known) {
                reach.merge(g.client, end, Math::max);
            }
        }
        for (Wire.Deletes d : w.deletes) {
            for (long[] r : d.ranges()) {
                if (r[1] > 0 && r[0] + r[1] > reach.getOrDefault(d.client(), 0L)) {
                    v.add("deletes clocks " + r[0] + ".." + (r[0] + r[1]) + " of client " + d.client() + ", which the document has up to "
                            + reach.getOrDefault(d.client(), 0L));
                }
            }
        }
        return v;
    }
}
