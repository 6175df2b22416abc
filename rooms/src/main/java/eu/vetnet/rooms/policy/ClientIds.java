package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.struct.ContentDoc;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Who writes under which Yjs client id in one document, and the shape every writer's update must have
 * (docs/rooms.md, "What the server checks"). A client id belongs to the person who first wrote new clocks with it. These rules
 * hold for every writer, facilitators too, in every document, user-added ones included: they are about what the
 * engine would do with the update, not about what the update says.
 *
 * <ul>
 *   <li>a client named in two groups of one update is refused (the engine would keep one, the inspector read both);
 *   <li>Skip structs are refused (they stand for clocks the update does not carry: a gap that would wait pending);
 *   <li>subdocuments are refused (nothing in VET-NET uses them, and one costs many times its wire size);
 *   <li>new clocks under someone else's client id are refused (they would take that person's future clocks, or be
 *       integrated after that person's newest struct, wherever it lives);
 *   <li>a group starting after the document's clock for its client is refused (a gap: it would wait pending and be
 *       applied later unchecked);
 *   <li>a group starting before the document's clock but reaching past it is refused (a partial overlap: the engine
 *       would cut it and integrate the rest after the client's newest struct, not where the bytes say);
 *   <li>deleting clocks neither the document nor the update has is refused (a pending delete would remove content
 *       written later, for everyone but its author).
 * </ul>
 *
 * GC structs under the writer's own new clocks are allowed: a client that created and deleted content while offline
 * sends them, and they only reserve clocks of its own. Ownership is stored with the history and restored on load.
 * Thread-safe reads; written on the room's lane.
 */
public final class ClientIds {

    private final Map<Long, String> owners = new ConcurrentHashMap<>();

    /** The groups of a v1 update: client id -> [first clock, end clock); refuses a client named twice or a Skip struct. */
    static Map<Long, long[]> groups(byte[] update) {
        return read(update).groups();
    }

    /** What the rules look at: the struct groups (client -> [first clock, end clock)), and the delete set. */
    private record Shape(Map<Long, long[]> groups, DeleteSet deletions) {
    }

    private static Shape read(byte[] update) {
        return read(DecodedUpdate.of(update));
    }

    private static Shape read(DecodedUpdate update) {
        if (update.emptyDeletion()) {
            throw new Refusal("the update deletes a range of length 0: name only clocks you delete");
        }
        Map<Long, long[]> groups = new LinkedHashMap<>();
        for (DecodedUpdate.Group group : update.groups()) {
            long client = group.client();
            for (Struct s : group.structs()) {
                if (s instanceof SkipStruct) {
                    throw new Refusal("the update skips clocks " + s.clock() + ".." + s.endClock() + " of client "
                            + client + ": send every struct, no Skip");
                }
                if (s instanceof Item item && item.content() instanceof ContentDoc) {
                    throw new Refusal("the update adds a subdocument (client " + client + ", clock " + s.clock()
                            + "): rooms do not hold subdocuments");
                }
            }
            if (groups.put(client, new long[] {group.firstClock(), group.endClock()}) != null) {
                throw new Refusal("the update names client " + client + " twice: one group per client");
            }
        }
        return new Shape(groups, update.deletions());
    }

    /** Judges {@code update} from {@code userId} against {@code doc}; DecodingException when it does not decode. */
    public Verdict check(YDoc doc, byte[] update, String userId) {
        return check(doc, DecodedUpdate.of(update), userId);
    }

    /** Judges an already decoded update from {@code userId} against {@code doc}. */
    public Verdict check(YDoc doc, DecodedUpdate update, String userId) {
        return check(doc, update, userId, owners::get);
    }

    /**
     * Judges a decoded update from {@code userId} against {@code doc}, with {@code ownerOf} answering whose a client
     * id is (null: nobody's yet).
     */
    public static Verdict check(YDoc doc, DecodedUpdate update, String userId, LongFunction<String> ownerOf) {
        try {
            Shape shape = read(update);
            for (Map.Entry<Long, long[]> group : shape.groups().entrySet()) {
                long client = group.getKey();
                long first = group.getValue()[0];
                long end = group.getValue()[1];
                long state = doc.store().getState(client);
                if (end <= state) {
                    continue; // nothing new: applying it changes nothing
                }
                String owner = ownerOf.apply(client);
                if (owner != null && !owner.equals(userId)) {
                    return Verdict.deny("client " + client + " belongs to another person in this document: write under "
                            + "your own client id");
                }
                if (first > state) {
                    return Verdict.deny("the update starts client " + client + " at clock " + first + " but the document has "
                            + state + ": the clocks between are missing; resync");
                }
                if (first < state) {
                    // The engine would cut it and keep the rest's parent from the wire: the document would no longer
                    // load as it is (found by the adversarial generator).
                    return Verdict.deny("the update repeats clocks " + first + ".." + state + " of client " + client
                            + " and adds more in the same struct: send only what the document lacks; resync");
                }
            }
            for (Map.Entry<Long, List<DeleteSet.Range>> e : shape.deletions().clients().entrySet()) {
                long client = e.getKey();
                long[] group = shape.groups().get(client);
                long known = Math.max(doc.store().getState(client), group == null ? 0 : group[1]);
                for (DeleteSet.Range r : e.getValue()) {
                    if (r.end() > known) {
                        return Verdict.deny("the update deletes clocks " + Math.max(r.clock(), known) + ".." + r.end()
                                + " of client " + client + ", which the document does not have; resync");
                    }
                }
            }
            return Verdict.ALLOW;
        } catch (Refusal r) {
            return Verdict.deny(r.getMessage());
        }
    }

    /**
     * Whether {@code update} needs clocks the document does not have yet: a group starting past the document's clock
     * for its client, or a deletion past it. Applied, it would wait pending; refused, an honest client that reconnects
     * while its old socket's last frames are lost would have to throw its copy away. So the core neither applies nor
     * rejects it: it answers "not stored", and the client's next sync (step 2 from the server's state vector) brings
     * the missing clocks with it (docs/rooms.md, "What the server checks").
     */
    public static boolean needsEarlierClocks(YDoc doc, DecodedUpdate update) {
        Map<Long, Long> ends = new HashMap<>();
        for (DecodedUpdate.Group g : update.groups()) {
            long state = doc.store().getState(g.client());
            if (g.firstClock() > state && g.endClock() > state) {
                return true;
            }
            ends.merge(g.client(), g.endClock(), Math::max);
        }
        for (Map.Entry<Long, List<DeleteSet.Range>> e : update.deletions().clients().entrySet()) {
            long known = Math.max(doc.store().getState(e.getKey()), ends.getOrDefault(e.getKey(), 0L));
            for (DeleteSet.Range r : e.getValue()) {
                if (r.end() > known) {
                    return true;
                }
            }
        }
        return false;
    }

    /** After an update of {@code userId} was applied: the client ids it extended are theirs, unless owned already. */
    public void claim(List<Long> extended, String userId) {
        if (userId != null) {
            extended.forEach(client -> owners.putIfAbsent(client, userId));
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

    /** Every owner known now, a copy: stored with each snapshot, so ownership survives a reload and a new server. */
    public Map<Long, String> owners() {
        return Map.copyOf(owners);
    }

    /** Takes over the owners a load rebuilt (docs/history-and-presence.md, "Client-id owners"); an owned id keeps its owner. */
    public void restore(Map<Long, String> stored) {
        stored.forEach(owners::putIfAbsent);
    }

    /** A shape the rules refuse, found while reading the groups. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }
}
