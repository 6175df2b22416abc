package eu.vetnet.crdt.inspect;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.struct.ContentDeleted;
import eu.vetnet.crdt.struct.ContentEmbed;
import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says what an update would change in a document, without changing it: every insertion with the type and
 * key it goes into, every deletion with the type and key of what it deletes and who wrote that. This is
 * what lets a server check permissions per shared type before it applies anything.
 *
 * <p>Each item is placed where the engine will integrate it, not where its bytes claim: an item that only
 * names a neighbour goes into that neighbour's type; an item whose first clocks the document has is cut and goes
 * after its client's newest struct; an item next to, or inside, collected content is collected too and
 * reported nowhere (it changes nothing). Items that depend on structs neither the document nor the update has
 * would wait pending; they are reported with an empty parent path, and a cautious policy refuses them.
 *
 * <p>The cost is linear in the update and in the content it deletes: each item is placed once (a neighbour
 * chain is walked once and remembered), each type's path is built once, and lookups are binary searches.
 */
public final class UpdateInspector {

    /**
     * How deep a type may sit below its root for the inspector to place it; deeper content is reported as not
     * placeable (a cautious policy refuses it). Keeps the walk up the parents bounded whatever the document holds.
     */
    public static final int MAX_DEPTH = 64;

    /** An item's place: the path of the type it goes into and its map key (null in a list). */
    private record Location(List<PathElement> path, String key, YType type) {
    }

    /** Depends on something neither the document nor the update has, or sits deeper than {@link #MAX_DEPTH}. */
    private static final Location UNKNOWN = new Location(List.of(), null, null);
    /** Will be integrated as a GC struct: its neighbour or parent was collected. Changes nothing visible. */
    private static final Location COLLECTED = new Location(List.of(), null, null);

    private final YDoc doc;
    /** The update's items per client, sorted by clock (for binary search). */
    private final Map<Long, List<Item>> fresh = new HashMap<>();
    /** The update's structs other than Skip per client, for the gap check. */
    private final Map<Long, List<Struct>> present = new HashMap<>();
    /** Per client: the clock up to which the document and the update hold every struct without a hole. */
    private final Map<Long, Long> reach = new HashMap<>();
    private final Map<Item, Location> placed = new IdentityHashMap<>();
    private final Map<YType, List<PathElement>> typePaths = new IdentityHashMap<>();
    /** Steps left for {@link #crossed} walks in this update. */
    private long walkBudget = 1_000_000;
    /** How many items the update carries: a neighbour chain longer than that loops. */
    private int freshCount;

    private UpdateInspector(YDoc doc) {
        this.doc = doc;
    }

    /** The effects of a v1 update on {@code doc}. Throws DecodingException when the bytes do not decode. */
    public static List<Touch> inspect(YDoc doc, byte[] update) {
        return inspect(doc, DecodedUpdate.of(update));
    }

    /** The effects of an already decoded update on {@code doc}; reads the update, never changes it. */
    public static List<Touch> inspect(YDoc doc, DecodedUpdate update) {
        return new UpdateInspector(doc).run(update);
    }

    private List<Touch> run(DecodedUpdate update) {
        List<Item> items = new ArrayList<>();
        for (DecodedUpdate.Group group : update.groups()) {
            List<Item> own = null;
            List<Struct> kept = null;
            for (Struct s : group.structs()) {
                if (s instanceof Item item) {
                    items.add(item);
                    own = own == null ? fresh.computeIfAbsent(group.client(), c -> new ArrayList<>()) : own;
                    own.add(item);
                }
                if (!(s instanceof SkipStruct)) {
                    kept = kept == null ? present.computeIfAbsent(group.client(), c -> new ArrayList<>()) : kept;
                    kept.add(s);
                }
            }
        }
        if (update.groups().size() > fresh.size() || update.groups().size() > present.size()) {
            // One client in several groups would leave its lists unsorted; sort so lookups can bisect.
            fresh.values().forEach(list -> list.sort(Comparator.comparingLong(Struct::clock)));
            present.values().forEach(list -> list.sort(Comparator.comparingLong(Struct::clock)));
        }
        freshCount = items.size();
        DeleteSet ds = update.deletions();

        List<Touch> touches = new ArrayList<>();
        for (Item item : items) {
            if (namesMissing(item)) {
                // The engine looks for an item's neighbours and parent before it skips clocks it knows: one nobody has
                // keeps the item, known or not, and everything after it from its client, pending.
                touches.add(new Touch(Touch.Kind.INSERT, List.of(), null, item.id(), item.content(), item.client()));
                continue;
            }
            long state = doc.store().getState(item.client());
            if (item.clock() + item.length() <= state) {
                if (splitsRun(item)) {
                    // Known clocks change nothing, but the engine still cuts the runs their neighbours point into:
                    // only the server's copy would be split, and replicas' encodings would part.
                    touches.add(new Touch(Touch.Kind.MISPLACED, List.of(), null, item.id(), item.content(), item.client()));
                }
                continue;
            }
            Location at;
            if (item.clock() > reach(item.client())) {
                // After a gap in its own client's clocks it would wait pending, and be applied later without anyone
                // checking it.
                at = UNKNOWN;
            } else if (item.clock() < state) {
                at = afterNewest(item.client());
            } else {
                at = locate(item, 0);
            }
            if (at == COLLECTED) {
                if (splitsRun(item)) {
                    // Collected, it changes nothing, but finding its neighbours cuts the runs they point into, on the
                    // server only.
                    touches.add(new Touch(Touch.Kind.MISPLACED, List.of(), null, item.id(), item.content(), item.client()));
                }
                continue;
            }
            if (at != UNKNOWN && (formatOutsideText(item, at) || crossed(item, at))) {
                touches.add(new Touch(Touch.Kind.MISPLACED, at.path, at.key, item.id(), item.content(), item.client()));
                continue;
            }
            // Content created and deleted before it was sent arrives as deleted content: in a list it changes nothing,
            // under a map key it still replaces the key's value, so it is reported there.
            if (at != UNKNOWN && item.content() instanceof ContentDeleted && at.key == null) {
                continue;
            }
            touches.add(new Touch(Touch.Kind.INSERT, at.path, at.key, item.id(), item.content(), item.client()));
        }
        for (Map.Entry<Long, List<DeleteSet.Range>> e : ds.clients().entrySet()) {
            for (DeleteSet.Range r : e.getValue()) {
                deletions(e.getKey(), r, touches);
            }
        }
        return touches;
    }

    /** The touches of deleting one range of one client's clocks. */
    private void deletions(long client, DeleteSet.Range range, List<Touch> touches) {
        StructList structs = doc.store().clients().get(client);
        long known = structs == null ? 0 : structs.last().endClock();
        long clock = range.clock();
        if (clock < known) {
            // Walk the document's structs by index: one search for the whole range.
            for (int i = structs.findIndex(clock); i < structs.size() && clock < range.end(); i++) {
                Struct s = structs.get(i);
                deletion(s, touches);
                clock = s.endClock();
            }
        }
        while (clock < range.end()) {
            Struct own = presentAt(client, clock);
            if (own == null) {
                // Deletes something neither the document nor the update has: it would wait pending and apply
                // later unchecked. Reported as not placeable, so a policy can refuse it.
                touches.add(new Touch(Touch.Kind.DELETE, List.of(), null, new Id(client, clock), null, -1));
                return;
            }
            deletion(own, touches); // a GC struct the update carries is deleted already: nothing to report
            clock = own.endClock();
        }
    }

    private void deletion(Struct s, List<Touch> touches) {
        // Deleting what is deleted already (a deleted item, deleted content the update carries) changes nothing.
        if (s instanceof Item item && !item.isDeleted() && !(item.content() instanceof ContentDeleted)) {
            Location at = item.parent() != null ? typeLocation(item.parent(), item.parentSub()) : locate(item, 0);
            if (at != COLLECTED) {
                touches.add(new Touch(Touch.Kind.DELETE, at.path, at.key, item.id(), item.content(), item.client()));
            }
        }
    }

    /** Whether the item names a neighbour or parent that neither the document nor the update has. */
    private boolean namesMissing(Item item) {
        return missing(item.origin()) || missing(item.rightOrigin())
                || (item.parentRef() instanceof ParentRef.ById byId && missing(byId.id()));
    }

    /** Whether the item's left or right neighbour falls strictly inside a run the document holds. */
    private boolean splitsRun(Item item) {
        return EncodedGrowth.cutsInsideRun(doc, item.origin(), 1) || EncodedGrowth.cutsInsideRun(doc, item.rightOrigin(), 0);
    }

    private boolean missing(Id id) {
        return id != null && find(id) == null;
    }

    /**
     * A formatting mark or an embed anywhere but in a text: editors put them in texts only, and engines clean them up
     * differently elsewhere (yjs removes redundant marks in any type a remote mark reached), so replicas would part.
     */
    private static boolean formatOutsideText(Item item, Location at) {
        boolean textOnly = item.content() instanceof ContentFormat || item.content() instanceof ContentEmbed;
        return textOnly && !(at.type instanceof YText && at.key == null);
    }

    /**
     * Whether the item's right neighbour is not to the right of its left one in the same list (checked when both are
     * in the document, or the left one is reached through the update's own items). The engine would still place it,
     * but not between the two, and a replica loading the document's encoding would place it elsewhere: the document
     * would no longer load as it is. The walk covers what the engine's integration scans anyway.
     */
    private boolean crossed(Item item, Location at) {
        if (item.rightOrigin() == null || item.origin() == null) {
            return false;
        }
        if (!(find(item.rightOrigin()) instanceof Item right)) {
            return false;
        }
        if (right.parent() == null) {
            // The right neighbour comes with the update: it must go into the same list as the item.
            Location rightAt = locate(right, 0);
            return rightAt == COLLECTED || rightAt == UNKNOWN || !rightAt.path.equals(at.path)
                    || !java.util.Objects.equals(rightAt.key, at.key);
        }
        Id leftId = item.origin();
        Struct left = find(leftId);
        for (int hops = 0; left instanceof Item l && l.parent() == null && hops <= freshCount; hops++) {
            leftId = l.origin(); // a neighbour of the update's own: judge from the first one in the document
            left = leftId == null ? null : find(leftId);
        }
        if (leftId == null) {
            return false; // the start of the list is left of everything
        }
        if (!(left instanceof Item l) || l.parent() == null) {
            return false;
        }
        if (l.parent() != right.parent() || !java.util.Objects.equals(l.parentSub(), right.parentSub())) {
            return true;
        }
        if (l == right) {
            return leftId.clock() >= item.rightOrigin().clock();
        }
        for (Item o = l.right(); o != null; o = o.right()) {
            if (o == right) {
                return false;
            }
            if (--walkBudget < 0) {
                return true; // farther apart than any honest edit's neighbours: refused rather than walked
            }
        }
        return true;
    }

    /** The first clock of {@code client} missing from both the document and the update (computed once per client). */
    private long reach(long client) {
        Long known = reach.get(client);
        if (known != null) {
            return known;
        }
        long covered = doc.store().getState(client);
        for (Struct s : present.getOrDefault(client, List.of())) {
            if (s.clock() > covered) {
                break; // sorted by clock: a hole
            }
            covered = Math.max(covered, s.endClock());
        }
        reach.put(client, covered);
        return covered;
    }

    /**
     * Where the engine puts the unknown rest of an item whose first clocks the document has: it is cut at the
     * document's clock and integrated right after that client's newest struct, wherever that struct lives, whatever
     * parent the item names on the wire. So that is where it is judged.
     */
    private Location afterNewest(long client) {
        Struct newest = find(new Id(client, doc.store().getState(client) - 1));
        if (!(newest instanceof Item n)) {
            return COLLECTED;
        }
        return n.parent() != null ? typeLocation(n.parent(), n.parentSub()) : locate(n, 0);
    }

    /** The struct with {@code id} in the document, else the update's item with it, else null. */
    private Struct find(Id id) {
        StructList structs = doc.store().clients().get(id.client());
        if (structs != null && id.clock() < structs.last().endClock()) {
            return structs.get(structs.findIndex(id.clock()));
        }
        return presentAt(id.client(), id.clock());
    }

    /** The update's struct (an item or a GC struct) of {@code client} holding {@code clock}, or null. */
    private Struct presentAt(long client, long clock) {
        return at(present.get(client), clock);
    }

    /** Binary search in one client's structs, sorted by clock. */
    private static Struct at(List<? extends Struct> own, long clock) {
        if (own == null) {
            return null;
        }
        int lo = 0;
        int hi = own.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Struct i = own.get(mid);
            if (clock < i.clock()) {
                hi = mid - 1;
            } else if (clock >= i.endClock()) {
                lo = mid + 1;
            } else {
                return i;
            }
        }
        return null;
    }

    /**
     * Where a (possibly not integrated) item goes. An item that names no parent takes its neighbour's type and key,
     * so a run of such items is walked once, iteratively, and every item on it remembered. {@code depth} counts the
     * types walked up so far, so a chain of nested types cannot recurse without bound.
     */
    private Location locate(Item start, int depth) {
        List<Item> chain = new ArrayList<>();
        Item item = start;
        Location at;
        while (true) {
            Location known = placed.get(item);
            if (known != null) {
                at = known;
                break;
            }
            chain.add(item);
            if (item.parent() != null) {
                at = typeLocation(item.parent(), item.parentSub());
                break;
            }
            // As the engine does: a neighbour that was collected makes the item collected, whatever it names.
            Struct left = item.origin() == null ? null : find(item.origin());
            Struct right = item.rightOrigin() == null ? null : find(item.rightOrigin());
            if ((item.origin() != null && left == null) || (item.rightOrigin() != null && right == null)) {
                at = UNKNOWN;
                break;
            }
            if ((left != null && !(left instanceof Item)) || (right != null && !(right instanceof Item))) {
                at = COLLECTED;
                break;
            }
            ParentRef ref = item.parentRef();
            if (ref instanceof ParentRef.Named named) {
                at = new Location(List.of(new PathElement.Root(named.name())), item.parentSub(), doc.share().get(named.name()));
                break;
            }
            if (ref instanceof ParentRef.ById byId) {
                at = insideHolder(find(byId.id()), item.parentSub(), depth);
                break;
            }
            Item next = left != null ? (Item) left : (Item) right;
            if (next == null) {
                at = UNKNOWN;
                break;
            }
            if (chain.size() > freshCount) {
                // Longer than the update's items: the origins loop, and the engine could never integrate them.
                at = UNKNOWN;
                break;
            }
            item = next;
        }
        if (depth <= MAX_DEPTH) {
            for (Item i : chain) {
                placed.put(i, at);
            }
        }
        return at;
    }

    /** The place of an item whose parent is the type held by {@code holder}. */
    private Location insideHolder(Struct holder, String key, int depth) {
        if (holder == null) {
            return UNKNOWN;
        }
        if (!(holder instanceof Item h) || !(h.content() instanceof ContentType)) {
            return COLLECTED; // the engine integrates content whose parent is gone as a GC struct
        }
        if (depth >= MAX_DEPTH) {
            return UNKNOWN;
        }
        Location holderAt = h.parent() != null ? typeLocation(h.parent(), h.parentSub()) : locate(h, depth + 1);
        if (holderAt == UNKNOWN || holderAt == COLLECTED || holderAt.path.size() >= MAX_DEPTH) {
            return holderAt == COLLECTED ? COLLECTED : UNKNOWN;
        }
        return new Location(child(holderAt, h), key, ((ContentType) h.content()).type());
    }

    /** The place of content under {@code key} in an integrated type. */
    private Location typeLocation(YType type, String key) {
        List<PathElement> path = typePath(type);
        return path == null ? UNKNOWN : new Location(path, key, type);
    }

    /** An integrated type's path from its root, built once per type, walking up iteratively; null when too deep. */
    private List<PathElement> typePath(YType type) {
        List<YType> up = new ArrayList<>();
        YType t = type;
        List<PathElement> path;
        while (true) {
            path = typePaths.get(t);
            if (path != null || typePaths.containsKey(t)) {
                break;
            }
            up.add(t);
            if (t.item() == null) {
                path = List.of(new PathElement.Root(t.rootName()));
                typePaths.put(t, path);
                up.remove(up.size() - 1);
                break;
            }
            if (up.size() > MAX_DEPTH) {
                path = null;
                break;
            }
            t = t.item().parent();
        }
        for (int i = up.size() - 1; i >= 0; i--) {
            YType below = up.get(i);
            if (path != null) {
                Item holder = below.item();
                path = path.size() >= MAX_DEPTH ? null : child(new Location(path, holder.parentSub(), null), holder);
            }
            typePaths.put(below, path);
        }
        return path;
    }

    /** The path of the type held by {@code holder}, which sits at {@code holderAt}. */
    private static List<PathElement> child(Location holderAt, Item holder) {
        List<PathElement> path = new ArrayList<>(holderAt.path.size() + 1);
        path.addAll(holderAt.path);
        path.add(holderAt.key != null ? new PathElement.Key(holderAt.key) : new PathElement.Element(holder.id()));
        return List.copyOf(path);
    }
}
