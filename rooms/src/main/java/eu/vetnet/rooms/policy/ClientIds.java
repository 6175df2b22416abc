package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.UpdateStructs;
import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.UpdateDecoderV1;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who writes under which Yjs client id in one document (docs/rooms.md, "Client ids"). A client id belongs to the
 * person who first wrote new clocks with it; a participant's update may add clocks only under client ids that are
 * new or their own. This is judged on the struct groups the engine will integrate, before the policy looks at what
 * they contain:
 *
 * <ul>
 *   <li>a client named in two groups of one update is refused (the engine would keep one, the inspector read both);
 *   <li>Skip structs are refused (they stand for clocks the update does not carry: a gap that would wait pending);
 *   <li>new clocks under someone else's client id are refused (they would take that person's future clocks, or be
 *       integrated after that person's newest struct, wherever it lives);
 *   <li>a group starting after the document's clock for its client is refused (a gap: it would wait pending and be
 *       applied later unchecked).
 * </ul>
 *
 * Ownership is kept for as long as the document is loaded; after a reload the first writer of an existing client
 * id claims it again (the app moves to a fresh client id on every reconnect, so this is rare). Thread-safe reads;
 * written on the room's lane.
 */
public final class ClientIds {

    private final Map<Long, String> owners = new ConcurrentHashMap<>();

    /** The groups of a v1 update: client id -> [first clock, end clock); refuses a client named twice or a Skip struct. */
    static Map<Long, long[]> groups(byte[] update) {
        UpdateDecoderV1 decoder = new UpdateDecoderV1(update);
        Map<Long, long[]> groups = new LinkedHashMap<>();
        int count = decoder.readStructCount(2);
        for (int g = 0; g < count; g++) {
            int n = decoder.readStructCount(1);
            long client = decoder.readClient();
            long clock = decoder.rest().readVarUint();
            long first = clock;
            for (int k = 0; k < n; k++) {
                Struct s = UpdateStructs.read(decoder, client, clock);
                if (s instanceof SkipStruct) {
                    throw new Refusal("the update skips clocks " + clock + ".." + (clock + s.length()) + " of client "
                            + client + ": send every struct, no Skip");
                }
                clock += s.length();
            }
            if (groups.put(client, new long[] {first, clock}) != null) {
                throw new Refusal("the update names client " + client + " twice: one group per client");
            }
        }
        return groups;
    }

    /** Judges {@code update} from {@code userId} against {@code doc}; DecodingException when it does not decode. */
    public Verdict check(YDoc doc, byte[] update, String userId) {
        try {
            for (Map.Entry<Long, long[]> group : groups(update).entrySet()) {
                long client = group.getKey();
                long first = group.getValue()[0];
                long end = group.getValue()[1];
                long state = doc.store().getState(client);
                if (end <= state) {
                    continue; // nothing new: applying it changes nothing
                }
                String owner = owners.get(client);
                if (owner != null && !owner.equals(userId)) {
                    return Verdict.deny("client " + client + " belongs to another person in this document: write under "
                            + "your own client id");
                }
                if (first > state) {
                    return Verdict.deny("the update starts client " + client + " at clock " + first + " but the document has "
                            + state + ": the clocks between are missing; resync");
                }
            }
            return Verdict.ALLOW;
        } catch (Refusal r) {
            return Verdict.deny(r.getMessage());
        }
    }

    /** After an update of {@code userId} was applied: the client ids whose clocks grew are theirs, unless owned. */
    public void claim(Map<Long, Long> stateBefore, Map<Long, Long> stateAfter, String userId) {
        if (userId == null) {
            return;
        }
        for (Map.Entry<Long, Long> e : stateAfter.entrySet()) {
            if (e.getValue() > stateBefore.getOrDefault(e.getKey(), 0L)) {
                owners.putIfAbsent(e.getKey(), userId);
            }
        }
    }

    /** The person a client id belongs to, or null. */
    public String owner(long client) {
        return owners.get(client);
    }

    /** A shape the rules refuse, found while reading the groups. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }
}
