package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.Struct;
import eu.vetnet.crdt.types.YType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a hostile update can aim at in a document: every type (a root by name, a nested type by the id of the item
 * holding it) with the keys worth writing there, and every struct id (for origins and deletions). Read from a
 * replica of the server's document.
 */
final class Targets {

    /** A type to write into: its wire parent, a readable name, the keys it has or a policy cares about. */
    record Place(ParentRef ref, String label, List<String> keys) {
    }

    /** Keys every policy cares about. */
    static final List<String> KEYS = List.of("owner", "color", "url", "text", "votes", "upvotes", "phase", "timer",
            "agenda", "type", "x", "locked", "status", "state", "budget", "pinned");

    final List<Place> places = new ArrayList<>();
    /** First and last clock of every struct in the document (items and GC). */
    final List<Id> ids = new ArrayList<>();
    /** Ids of items that are not deleted. */
    final List<Id> live = new ArrayList<>();

    static Targets of(YDoc doc, List<String> users) {
        Targets t = new Targets();
        for (Map.Entry<String, YType> root : doc.share().entrySet()) {
            t.walk(root.getValue(), new ParentRef.Named(root.getKey()), root.getKey(), users, 0);
        }
        for (Map.Entry<Long, StructList> e : doc.store().clients().entrySet()) {
            StructList structs = e.getValue();
            for (int i = 0; i < structs.size(); i++) {
                Struct s = structs.get(i);
                t.ids.add(s.id());
                if (s.length() > 1) {
                    t.ids.add(s.lastId());
                }
                if (s instanceof Item item && !item.isDeleted()) {
                    t.live.add(s.id());
                }
            }
        }
        return t;
    }

    private void walk(YType type, ParentRef ref, String label, List<String> users, int depth) {
        Set<String> keys = new LinkedHashSet<>(type.itemMap().keySet());
        keys.addAll(KEYS);
        keys.addAll(users);
        places.add(new Place(ref, label, new ArrayList<>(keys)));
        if (depth > 40) {
            return;
        }
        for (Map.Entry<String, Item> e : type.itemMap().entrySet()) {
            if (e.getValue().content() instanceof ContentType ct) {
                walk(ct.type(), new ParentRef.ById(e.getValue().id()), label + "/" + e.getKey(), users, depth + 1);
            }
        }
        int i = 0;
        for (Item n = type.start(); n != null; n = n.right()) {
            if (n.content() instanceof ContentType ct) {
                walk(ct.type(), new ParentRef.ById(n.id()), label + "[" + i + "]", users, depth + 1);
            }
            i++;
        }
    }

    Place place(SplittableRandom rng) {
        return places.get(rng.nextInt(places.size()));
    }

    /** A key worth writing in {@code p}: mostly one it has or a policy cares about. */
    static String key(Place p, SplittableRandom rng) {
        return p.keys().get(rng.nextInt(p.keys().size()));
    }

    Id id(SplittableRandom rng) {
        return ids.isEmpty() ? null : ids.get(rng.nextInt(ids.size()));
    }

    Id liveId(SplittableRandom rng) {
        return live.isEmpty() ? null : live.get(rng.nextInt(live.size()));
    }
}
