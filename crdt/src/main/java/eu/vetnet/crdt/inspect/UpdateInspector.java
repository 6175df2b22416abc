package eu.vetnet.crdt.inspect;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.UpdateDecoderV1;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.types.YType;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Says what an update would change in a document, without changing it: every insertion with the type and
 * key it goes into, every deletion with the type and key of what it deletes and who wrote that. This is
 * what lets a server check permissions per shared type before it applies anything.
 *
 * <p>Items that depend on structs neither the document nor the update has cannot be placed yet; they are
 * reported with an empty parent path, and a cautious policy refuses them (the client resyncs).
 */
public final class UpdateInspector {

    /**
     * How deep a type may sit below its root for the inspector to place it; deeper content is reported as not
     * placeable (a cautious policy refuses it). Keeps the walk up the parents bounded whatever the document holds.
     */
    public static final int MAX_DEPTH = 64;

    private final YDoc doc;
    private final Map<Long, List<Item>> fresh = new HashMap<>();
    private final Map<Long, List<Struct>> present = new HashMap<>();

    private UpdateInspector(YDoc doc) {
        this.doc = doc;
    }

    /** The effects of a v1 update on {@code doc}. Throws DecodingException when the bytes do not decode. */
    public static List<Touch> inspect(YDoc doc, byte[] update) {
        return new UpdateInspector(doc).run(update);
    }

    private List<Touch> run(byte[] update) {
        UpdateDecoderV1 decoder = new UpdateDecoderV1(update);
        List<Item> items = new ArrayList<>();
        int groups = decoder.readStructCount(2);
        for (int g = 0; g < groups; g++) {
            int n = decoder.readStructCount(1);
            long client = decoder.readClient();
            long clock = decoder.rest().readVarUint();
            for (int k = 0; k < n; k++) {
                Struct s = eu.vetnet.crdt.UpdateStructs.read(decoder, client, clock);
                clock += s.length();
                if (s instanceof Item item) {
                    items.add(item);
                    fresh.computeIfAbsent(client, c -> new ArrayList<>()).add(item);
                }
                if (!(s instanceof SkipStruct)) {
                    present.computeIfAbsent(client, c -> new ArrayList<>()).add(s);
                }
            }
        }
        DeleteSet ds = DeleteSet.read(decoder);
        List<Touch> touches = new ArrayList<>();
        for (Item item : items) {
            if (item.clock() + item.length() <= doc.store().getState(item.client())) {
                continue; // already known: applying it changes nothing
            }
            // An item after a gap in its own client's clocks would wait pending, and be applied later
            // without anyone checking it: report it as not placeable.
            Location at = followsGap(item) ? UNKNOWN : overlapsKnown(item) ? afterNewest(item.client()) : locate(item, 0);
            touches.add(new Touch(Touch.Kind.INSERT, at.path, at.key, item.id(), item.content(), item.client()));
        }
        for (Map.Entry<Long, List<DeleteSet.Range>> e : ds.clients().entrySet()) {
            StructList structs = doc.store().clients().get(e.getKey());
            for (DeleteSet.Range r : e.getValue()) {
                for (long clock = r.clock(); clock < r.end(); ) {
                    Struct s = findStruct(structs, e.getKey(), clock);
                    if (s == null) {
                        // Deletes something neither the document nor the update has: it would wait pending and
                        // apply later unchecked. Reported as not placeable, so a policy can refuse it.
                        touches.add(new Touch(Touch.Kind.DELETE, List.of(), null, new Id(e.getKey(), clock), null, -1));
                        break;
                    }
                    if (s instanceof Item item && !item.isDeleted()) {
                        Location at = item.parent() != null ? locateType(item.parent(), item.parentSub(), 0) : locate(item, 0);
                        touches.add(new Touch(Touch.Kind.DELETE, at.path, at.key, item.id(), item.content(), item.client()));
                    }
                    clock = s.clock() + s.length();
                }
            }
        }
        return touches;
    }

    private record Location(List<PathElement> path, String key) {
    }

    /** Whether clocks of the item's client are missing before it (neither in the document nor the update). */
    private boolean followsGap(Item item) {
        long state = doc.store().getState(item.client());
        if (item.clock() <= state) {
            return false;
        }
        // the update's own structs of this client (items and GC, not skips) must cover [state, item.clock)
        long covered = state;
        boolean progress = true;
        while (covered < item.clock() && progress) {
            progress = false;
            for (Struct i : present.getOrDefault(item.client(), List.of())) {
                if (i.clock() <= covered && covered < i.clock() + i.length()) {
                    covered = i.clock() + i.length();
                    progress = true;
                }
            }
        }
        return covered < item.clock();
    }

    private static final Location UNKNOWN = new Location(List.of(), null);

    /** Whether the document already has the item's first clocks (but not all: known items are skipped above). */
    private boolean overlapsKnown(Item item) {
        return item.clock() < doc.store().getState(item.client());
    }

    /**
     * Where the engine puts the unknown rest of an item whose first clocks the document has: it is cut at the
     * document's clock and integrated right after that client's newest struct, wherever that struct lives, whatever
     * parent the item names on the wire. So that is where it is judged.
     */
    private Location afterNewest(long client) {
        Struct newest = find(new Id(client, doc.store().getState(client) - 1));
        if (!(newest instanceof Item n)) {
            return UNKNOWN;
        }
        return n.parent() != null ? locateType(n.parent(), n.parentSub(), 0) : locate(n, 0);
    }

    private Struct findStruct(StructList structs, long client, long clock) {
        if (structs != null && clock < structs.last().endClock()) {
            return structs.get(structs.findIndex(clock));
        }
        List<Item> own = fresh.get(client);
        if (own != null) {
            for (Item i : own) {
                if (i.clock() <= clock && clock < i.clock() + i.length()) {
                    return i;
                }
            }
        }
        return null;
    }

    private Struct find(Id id) {
        return findStruct(doc.store().clients().get(id.client()), id.client(), id.clock());
    }

    /** Where a (possibly not integrated) item goes: its parent type's path and its key. */
    private Location locate(Item item, int depth) {
        if (depth > MAX_DEPTH) {
            return UNKNOWN;
        }
        if (item.parent() != null) {
            return locateType(item.parent(), item.parentSub(), depth);
        }
        ParentRef ref = item.parentRef();
        if (ref instanceof ParentRef.Named named) {
            return new Location(List.of(new PathElement.Root(named.name())), item.parentSub());
        }
        if (ref instanceof ParentRef.ById byId) {
            Struct holder = find(byId.id());
            if (!(holder instanceof Item h)) {
                return UNKNOWN;
            }
            Location holderAt = locate(h, depth + 1);
            if (holderAt == UNKNOWN) {
                return UNKNOWN;
            }
            return new Location(append(holderAt, h), item.parentSub());
        }
        // No parent on the wire: it sits next to its origin (or right origin), in the same type and key.
        Id neighbour = item.origin() != null ? item.origin() : item.rightOrigin();
        if (neighbour == null) {
            return UNKNOWN;
        }
        Struct n = find(neighbour);
        if (n instanceof Item ni) {
            return locate(ni, depth + 1);
        }
        return UNKNOWN; // the neighbour was collected: the item will be collected too
    }

    private Location locateType(YType type, String key, int depth) {
        if (depth > MAX_DEPTH) {
            return UNKNOWN;
        }
        if (type.item() == null) {
            return new Location(List.of(new PathElement.Root(type.rootName())), key);
        }
        Item holder = type.item();
        Location holderAt = locateType(holder.parent(), holder.parentSub(), depth + 1);
        return new Location(append(holderAt, holder), key);
    }

    private static List<PathElement> append(Location holderAt, Item holder) {
        List<PathElement> path = new ArrayList<>(holderAt.path);
        path.add(holderAt.key != null ? new PathElement.Key(holderAt.key) : new PathElement.Element(holder.id()));
        return path;
    }


}
