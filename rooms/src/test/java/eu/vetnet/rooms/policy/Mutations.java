package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.ContentDoc;
import eu.vetnet.crdt.struct.ContentAny;
import eu.vetnet.crdt.struct.ContentDeleted;
import eu.vetnet.crdt.struct.ContentJson;
import eu.vetnet.crdt.struct.ContentString;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.GcStruct;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import eu.vetnet.crdt.types.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Struct-level changes of an update that keep it well formed (it still decodes), each one a known way to get a write
 * past a check that reads the bytes rather than what the engine does with them. Every mutation returns false when the
 * update has nothing it applies to.
 */
final class Mutations {

    /** What a mutation may use: the case's random stream, the document, and who wrote under which client id. */
    record Context(SplittableRandom rng, Targets targets, Map<Long, Long> state, Map<Long, String> owners, String me,
            long myClient, List<String> users) {

        long state(long client) {
            return state.getOrDefault(client, 0L);
        }

        /** A client id the document knows that someone else wrote with, or -1. */
        long othersClient() {
            List<Long> others = owners.entrySet().stream().filter(e -> !e.getValue().equals(me)).map(Map.Entry::getKey).toList();
            return others.isEmpty() ? -1 : others.get(rng.nextInt(others.size()));
        }

        /** A client id of mine the document knows (with clocks), or -1. */
        long myKnownClient() {
            List<Long> mine = owners.entrySet().stream().filter(e -> e.getValue().equals(me) && state(e.getKey()) > 0)
                    .map(Map.Entry::getKey).toList();
            return mine.isEmpty() ? -1 : mine.get(rng.nextInt(mine.size()));
        }

        long anyKnownClient() {
            List<Long> all = state.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            return all.isEmpty() ? -1 : all.get(rng.nextInt(all.size()));
        }

        Object hostileValue() {
            return switch (rng.nextInt(7)) {
                case 0 -> users.get(rng.nextInt(users.size()));
                case 1 -> Intents.BAD_COLOURS.get(rng.nextInt(Intents.BAD_COLOURS.size()));
                case 2 -> Intents.URLS.get(rng.nextInt(Intents.URLS.size()));
                case 3 -> true;
                case 4 -> "phase-hijacked";
                case 5 -> me;
                default -> rng.nextInt(100);
            };
        }
    }

    interface Mutation {
        boolean apply(Wire w, Context c);
    }

    record Named(String tag, Mutation mutation) {
    }

    static final List<Named> ALL = List.of(
            new Named("foreign-client", (w, c) -> moveGroup(w, c, c.othersClient(), true)),
            new Named("foreign-client-any-clock", (w, c) -> moveGroup(w, c, c.othersClient(), false)),
            new Named("fresh-client", (w, c) -> moveGroup(w, c, 1 + c.rng().nextLong(1L << 32), true)),
            new Named("own-old-client", (w, c) -> moveGroup(w, c, c.myKnownClient(), true)),
            new Named("overlap", Mutations::overlap),
            new Named("overlap-reparent", Mutations::overlapReparent),
            new Named("overlap-reparent", Mutations::overlapReparent),
            new Named("overlap-reparent", Mutations::overlapReparent),
            new Named("dup-group", Mutations::duplicateGroup),
            new Named("skip", Mutations::skip),
            new Named("gc", Mutations::gc),
            new Named("gc-foreign", Mutations::gcForeign),
            new Named("delete-known", Mutations::deleteKnown),
            new Named("delete-pending", Mutations::deletePending),
            new Named("delete-own-fresh", Mutations::deleteOwnFresh),
            new Named("delete-wide", Mutations::deleteWide),
            new Named("gap", Mutations::gap),
            new Named("reparent", Mutations::reparent),
            new Named("reorigin", (w, c) -> reorigin(w, c, false)),
            new Named("reorigin-unknown", (w, c) -> reorigin(w, c, true)),
            new Named("content", Mutations::content),
            new Named("deep-chain", Mutations::deepChain),
            new Named("subdoc", Mutations::subdocument));

    private Mutations() {
    }

    /** A random item of the update with its group, or null. */
    private static Object[] pickItem(Wire w, SplittableRandom rng) {
        List<Object[]> items = new ArrayList<>();
        for (Wire.Group g : w.groups) {
            for (int i = 0; i < g.structs.size(); i++) {
                if (g.structs.get(i) instanceof Item) {
                    items.add(new Object[] {g, i});
                }
            }
        }
        return items.isEmpty() ? null : items.get(rng.nextInt(items.size()));
    }

    /**
     * Moves a group to another client id ({@code newClocks}: at that client's next clock, else at a random one), and
     * its references to its own clocks with it, so the moved content still hangs together.
     */
    private static boolean moveGroup(Wire w, Context c, long client, boolean newClocks) {
        if (client < 0 || w.groups.isEmpty()) {
            return false;
        }
        Wire.Group g = w.groups.get(c.rng().nextInt(w.groups.size()));
        long clock = newClocks ? c.state(client) : c.rng().nextLong(c.state(client) + 3);
        rebase(g, client, clock);
        return true;
    }

    /** Gives a group another client and first clock; references into its own clocks follow. */
    static void rebase(Wire.Group g, long client, long clock) {
        long oldClient = g.client;
        long start = g.clock;
        long end = g.end();
        List<Struct> out = new ArrayList<>();
        for (Struct s : g.structs) {
            if (s instanceof Item i) {
                ParentRef p = i.parentRef() instanceof ParentRef.ById b ? new ParentRef.ById(move(b.id(), oldClient, start, end, client, clock)) : i.parentRef();
                out.add(Wire.item(client, 0, move(i.origin(), oldClient, start, end, client, clock),
                        move(i.rightOrigin(), oldClient, start, end, client, clock), p, i.parentSub(), i.content()));
            } else {
                out.add(s);
            }
        }
        g.client = client;
        g.clock = clock;
        g.structs.clear();
        g.structs.addAll(out);
    }

    private static Id move(Id id, long oldClient, long start, long end, long client, long clock) {
        if (id == null || id.client() != oldClient || id.clock() < start || id.clock() >= end) {
            return id;
        }
        return new Id(client, id.clock() - start + clock);
    }

    /** The group starts at clocks its client already has: the engine cuts what it knows and places the rest. */
    private static boolean overlap(Wire w, Context c) {
        List<Wire.Group> candidates = w.groups.stream().filter(g -> c.state(g.client) > 0).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        Wire.Group g = candidates.get(c.rng().nextInt(candidates.size()));
        long back = 1 + c.rng().nextLong(Math.min(c.state(g.client), 4));
        rebase(g, g.client, Math.max(0, g.clock - back));
        return true;
    }

    /**
     * An item whose first clocks the document has (under a client id of mine, or anyone's), naming on the wire a parent
     * and key of the attacker's choice and no neighbours: the engine cuts it at the document's clock and links the rest
     * after that client's newest struct.
     */
    private static boolean overlapReparent(Wire w, Context c) {
        long client = c.rng().nextInt(4) > 0 ? c.myKnownClient() : c.anyKnownClient();
        if (client < 0 || c.targets().places.isEmpty()) {
            return false;
        }
        long state = c.state(client);
        int known = 1 + c.rng().nextInt((int) Math.min(state, 3));
        int fresh = 1 + c.rng().nextInt(3);
        Targets.Place p = c.targets().place(c.rng());
        String key = c.rng().nextInt(5) == 0 ? null : Targets.key(p, c.rng());
        Content content = switch (c.rng().nextInt(4)) {
            case 0 -> new ContentDeleted(known + fresh);
            case 1 -> new ContentString("x".repeat(known + fresh));
            case 2 -> new ContentJson(new ArrayList<>(java.util.Collections.nCopies(known + fresh, c.hostileValue())));
            default -> {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < known + fresh; i++) {
                    values.add(c.hostileValue());
                }
                yield new ContentAny(values);
            }
        };
        Item item = Wire.item(client, state - known, null, null, p.ref(), key, content);
        Wire.Group own = w.group(client);
        if (own != null && c.rng().nextBoolean()) {
            w.groups.remove(own);
        }
        if (own == null || !w.groups.contains(own) || c.rng().nextBoolean()) {
            w.groups.add(c.rng().nextInt(w.groups.size() + 1), new Wire.Group(client, state - known, new ArrayList<>(List.of(item))));
        } else {
            own.structs.add(0, item);
            own.clock = state - known; // the group's other structs now overlap or follow: still one group
        }
        return true;
    }

    /** One client named in two groups: split a group, or repeat it. */
    private static boolean duplicateGroup(Wire w, Context c) {
        if (w.groups.isEmpty()) {
            return false;
        }
        Wire.Group g = w.groups.get(c.rng().nextInt(w.groups.size()));
        if (g.structs.size() >= 2 && c.rng().nextBoolean()) {
            int cut = 1 + c.rng().nextInt(g.structs.size() - 1);
            long clock = g.clock;
            for (int i = 0; i < cut; i++) {
                clock += g.structs.get(i).length();
            }
            Wire.Group tail = new Wire.Group(g.client, clock, new ArrayList<>(g.structs.subList(cut, g.structs.size())));
            g.structs.subList(cut, g.structs.size()).clear();
            w.groups.add(c.rng().nextInt(w.groups.size() + 1), tail);
        } else {
            w.groups.add(c.rng().nextInt(w.groups.size() + 1), g.copy());
        }
        return true;
    }

    private static boolean skip(Wire w, Context c) {
        if (w.groups.isEmpty()) {
            return false;
        }
        Wire.Group g = w.groups.get(c.rng().nextInt(w.groups.size()));
        g.structs.add(c.rng().nextInt(g.structs.size() + 1), new SkipStruct(new Id(g.client, 0), 1 + c.rng().nextInt(3)));
        return true;
    }

    /** An item replaced by collected clocks, or collected clocks appended to a group. */
    private static boolean gc(Wire w, Context c) {
        Object[] picked = pickItem(w, c.rng());
        if (picked == null) {
            return false;
        }
        Wire.Group g = (Wire.Group) picked[0];
        int i = (Integer) picked[1];
        if (c.rng().nextBoolean()) {
            g.structs.set(i, new GcStruct(new Id(g.client, 0), g.structs.get(i).length()));
        } else {
            g.structs.add(new GcStruct(new Id(g.client, 0), 1 + c.rng().nextInt(1000)));
        }
        return true;
    }

    /** Collected clocks under someone else's client id, from their next clock on (their future edits). */
    private static boolean gcForeign(Wire w, Context c) {
        long client = c.rng().nextBoolean() ? c.othersClient() : c.anyKnownClient();
        if (client < 0) {
            return false;
        }
        long from = c.rng().nextInt(4) == 0 ? Math.max(0, c.state(client) - 1) : c.state(client);
        w.groups.add(new Wire.Group(client, from, new ArrayList<>(List.of(new GcStruct(new Id(client, from), 1 + c.rng().nextInt(1000))))));
        return true;
    }

    private static boolean deleteKnown(Wire w, Context c) {
        Id id = c.rng().nextBoolean() ? c.targets().liveId(c.rng()) : c.targets().id(c.rng());
        if (id == null) {
            return false;
        }
        w.delete(id.client(), id.clock(), 1 + c.rng().nextInt(3));
        return true;
    }

    /** Deletes clocks nobody has yet: they would wait in the document and apply to whatever comes there later. */
    private static boolean deletePending(Wire w, Context c) {
        long client = c.rng().nextBoolean() ? c.anyKnownClient() : c.myClient();
        if (client < 0) {
            return false;
        }
        long own = w.group(client) == null ? c.state(client) : Math.max(c.state(client), w.group(client).end());
        w.delete(client, own + c.rng().nextInt(3), 1 + c.rng().nextInt(5));
        return true;
    }

    /** Deletes part of what the update itself inserts (the engine applies the deletion after integrating). */
    private static boolean deleteOwnFresh(Wire w, Context c) {
        if (w.groups.isEmpty()) {
            return false;
        }
        Wire.Group g = w.groups.get(c.rng().nextInt(w.groups.size()));
        long len = g.end() - g.clock;
        if (len <= 0) {
            return false;
        }
        long at = g.clock + c.rng().nextLong(len);
        w.delete(g.client, at, 1 + c.rng().nextLong(g.end() - at));
        return true;
    }

    private static boolean deleteWide(Wire w, Context c) {
        long client = c.anyKnownClient();
        if (client < 0) {
            return false;
        }
        w.delete(client, 0, c.state(client) + c.rng().nextInt(3));
        return true;
    }

    /** The group starts after clocks the document does not have. */
    private static boolean gap(Wire w, Context c) {
        if (w.groups.isEmpty()) {
            return false;
        }
        Wire.Group g = w.groups.get(c.rng().nextInt(w.groups.size()));
        rebase(g, g.client, g.clock + 1 + c.rng().nextInt(3));
        return true;
    }

    /** An item's neighbours dropped and a parent and key of the attacker's choice named instead. */
    private static boolean reparent(Wire w, Context c) {
        Object[] picked = pickItem(w, c.rng());
        if (picked == null || c.targets().places.isEmpty()) {
            return false;
        }
        Wire.Group g = (Wire.Group) picked[0];
        int i = (Integer) picked[1];
        Targets.Place p = c.targets().place(c.rng());
        String key = c.rng().nextInt(4) == 0 ? null : Targets.key(p, c.rng());
        g.structs.set(i, Wire.with((Item) g.structs.get(i), null, null, p.ref(), key));
        return true;
    }

    /** An item's neighbours changed: to existing structs anywhere, or (unknown) to clocks nobody has yet. */
    private static boolean reorigin(Wire w, Context c, boolean unknown) {
        Object[] picked = pickItem(w, c.rng());
        if (picked == null) {
            return false;
        }
        Wire.Group g = (Wire.Group) picked[0];
        int i = (Integer) picked[1];
        Item item = (Item) g.structs.get(i);
        Id known = c.targets().id(c.rng());
        Id left = item.origin();
        Id right = item.rightOrigin();
        int which = c.rng().nextInt(3);
        if (unknown) {
            long client = c.anyKnownClient();
            if (client < 0) {
                return false;
            }
            Id future = new Id(client, c.state(client) + c.rng().nextInt(3));
            if (which != 1) {
                right = future;
            } else {
                left = future;
            }
            if (left == null && which == 0) {
                left = known;
            }
        } else {
            if (known == null) {
                return false;
            }
            if (which == 0) {
                left = known;
            } else if (which == 1) {
                right = known;
            } else {
                left = known;
                right = c.targets().id(c.rng());
            }
        }
        if (left == null && right == null) {
            return false;
        }
        g.structs.set(i, Wire.with(item, left, right, item.parentRef(), item.parentSub()));
        return true;
    }

    /** Plain values replaced (an owner, a colour, a user id as key...), or a key renamed. */
    private static boolean content(Wire w, Context c) {
        Object[] picked = pickItem(w, c.rng());
        if (picked == null) {
            return false;
        }
        Wire.Group g = (Wire.Group) picked[0];
        int i = (Integer) picked[1];
        Item item = (Item) g.structs.get(i);
        if (item.parentSub() != null && c.rng().nextBoolean()) {
            List<String> keys = new ArrayList<>(Targets.KEYS);
            keys.addAll(c.users());
            g.structs.set(i, Wire.item(item.client(), item.clock(), null, null, item.parentRef(), keys.get(c.rng().nextInt(keys.size())), item.content()));
            return true;
        }
        if (!(item.content() instanceof ContentAny any)) {
            return false;
        }
        List<Object> values = new ArrayList<>();
        for (int k = 0; k < any.values().size(); k++) {
            values.add(c.hostileValue());
        }
        g.structs.set(i, Wire.item(item.client(), item.clock(), item.origin(), item.rightOrigin(), item.parentRef(), item.parentSub(), new ContentAny(values)));
        return true;
    }

    /** A subdocument appended under the sender's own client, in a type and key of the attacker's choice. */
    private static boolean subdocument(Wire w, Context c) {
        if (c.targets().places.isEmpty()) {
            return false;
        }
        Wire.Group g = w.group(c.myClient());
        if (g == null) {
            g = new Wire.Group(c.myClient(), c.state(c.myClient()), new ArrayList<>());
            w.groups.add(g);
        }
        Targets.Place p = c.targets().place(c.rng());
        String key = c.rng().nextBoolean() ? null : Targets.key(p, c.rng());
        g.structs.add(Wire.item(c.myClient(), g.end(), null, null, p.ref(), key,
                new ContentDoc(YDoc.subdocument("sub-" + c.rng().nextInt(1000), Map.of()))));
        return true;
    }

    /** A chain of maps nested below a target, each by the id of the one above, around and past the nesting cap. */
    private static boolean deepChain(Wire w, Context c) {
        if (c.targets().places.isEmpty()) {
            return false;
        }
        long client = c.myClient();
        Wire.Group g = w.group(client);
        if (g == null) {
            g = new Wire.Group(client, c.state(client), new ArrayList<>());
            w.groups.add(g);
        }
        Targets.Place p = c.targets().place(c.rng());
        ParentRef parent = p.ref();
        String key = Targets.key(p, c.rng());
        long clock = g.end();
        int levels = List.of(20, 31, 32, 33, 34, 64, 70).get(c.rng().nextInt(7));
        for (int i = 0; i < levels; i++) {
            g.structs.add(Wire.item(client, clock, null, null, parent, key, new ContentType(new YMap())));
            parent = new ParentRef.ById(new Id(client, clock));
            key = "child";
            clock++;
        }
        g.structs.add(Wire.item(client, clock, null, null, parent, "leaf", new ContentAny(List.of(c.hostileValue()))));
        return true;
    }
}
