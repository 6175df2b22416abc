package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.Struct;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YType;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Features of an applied update that explain a finding (AdversarialRulesTests' report names them, and
 * {@link OpenFindings} matches reported findings by them): read from the update's structs and the document before it.
 *
 * <ul>
 *   <li>{@code crossed-neighbours}: an item's right neighbour on the wire is not to the right of its left one (another
 *       type, or before it, or collected): where it lands depends on what the document held when it was integrated;
 *   <li>{@code known-group-unknown-neighbour}: a group of clocks the document already has names a neighbour or parent
 *       at clocks nobody has yet (the engine checks what is missing before it skips what it knows);
 *   <li>{@code deleted-item-unknown-neighbour}: an item of deleted content names a neighbour or parent at clocks neither
 *       the document nor the update has;
 *   <li>{@code known-group-named-neighbour}: a group of clocks the document already has names a neighbour (the engine
 *       splits the neighbour's item before it skips the group);
 *   <li>{@code entry-replaced-in-update}: a map that names as left neighbour a map the same update puts under a key
 *       (it becomes that key's value instead);
 *   <li>{@code neighbour-inside-surrogate}: an item names a neighbour between the two halves of a surrogate pair;
 *   <li>{@code empty-deletion-range}: the delete set has a range of length 0;
 *   <li>{@code gc-struct}: the update carries collected clocks (a GC struct);
 *   <li>{@code format-outside-text}: a formatting mark in a type that is not a text.
 * </ul>
 */
final class Diagnosis {

    private Diagnosis() {
    }

    static Set<String> of(byte[] update, byte[] stateBefore, Map<Long, Long> before) {
        Set<String> out = new LinkedHashSet<>();
        Wire w;
        try {
            w = Wire.decode(update);
        } catch (RuntimeException e) {
            return out;
        }
        YDoc doc = new YDoc(AdversarialUpdates.SCRATCH_CLIENT);
        doc.applyUpdate(stateBefore);
        // Neighbours are judged where they are once the update is in (some are items of the update itself).
        YDoc applied = new YDoc(AdversarialUpdates.SCRATCH_CLIENT);
        applied.applyUpdate(stateBefore);
        try {
            applied.applyUpdate(update);
        } catch (RuntimeException e) {
            applied = doc;
        }
        // Clocks the document or the update holds, per client (a group continuing the document's clocks extends them).
        Map<Long, Long> reach = new java.util.HashMap<>(before);
        for (Wire.Group g : w.groups) {
            if (g.clock <= reach.getOrDefault(g.client, 0L)) {
                reach.merge(g.client, g.end(), Math::max);
            }
        }
        for (Wire.Deletes d : w.deletes) {
            if (d.ranges().stream().anyMatch(r -> r[1] == 0)) {
                out.add("empty-deletion-range");
            }
        }
        for (Wire.Group g : w.groups) {
            if (g.structs.stream().anyMatch(x -> x instanceof eu.vetnet.crdt.struct.GcStruct)) {
                out.add("gc-struct");
            }
            boolean known = g.end() <= before.getOrDefault(g.client, 0L);
            for (Struct s : g.structs) {
                if (!(s instanceof Item i)) {
                    continue;
                }
                if (known && (unknown(i.origin(), g.client, before) || unknown(i.rightOrigin(), g.client, before)
                        || (i.parentRef() instanceof ParentRef.ById b && unknown(b.id(), g.client, before)))) {
                    out.add("known-group-unknown-neighbour");
                } else if (known && (i.origin() != null || i.rightOrigin() != null)) {
                    out.add("known-group-named-neighbour");
                }
                if (i.content() instanceof ContentType ct && ct.type() instanceof eu.vetnet.crdt.types.YMap && i.parentRef() == null
                        && i.origin() != null && item(doc, i.origin()) == null && replacesFresh(w, i)) {
                    out.add("entry-replaced-in-update");
                }
                if (!known && i.content() instanceof eu.vetnet.crdt.struct.ContentDeleted
                        && (unknown(i.origin(), g.client, reach) || unknown(i.rightOrigin(), g.client, reach)
                        || (i.parentRef() instanceof ParentRef.ById b && unknown(b.id(), g.client, reach)))) {
                    out.add("deleted-item-unknown-neighbour");
                }
                if (splitsSurrogates(doc, i)) {
                    out.add("neighbour-inside-surrogate");
                }
                if (crossed(applied, i)) {
                    out.add("crossed-neighbours");
                }
                if (i.content() instanceof ContentFormat && !(parent(doc, i) instanceof YText)) {
                    out.add("format-outside-text");
                }
            }
        }
        return out;
    }

    /**
     * The item's left neighbour is the first half of a surrogate pair, or its right one the second half, in a text of the
     * document: finding the neighbour splits that text between the halves (each becomes U+FFFD, as in Yjs).
     */
    private static boolean splitsSurrogates(YDoc doc, Item i) {
        return surrogate(doc, i.origin(), true) || surrogate(doc, i.rightOrigin(), false);
    }

    private static boolean surrogate(YDoc doc, Id id, boolean left) {
        Item at = id == null ? null : item(doc, id);
        if (at == null || !(at.content() instanceof eu.vetnet.crdt.struct.ContentString cs)) {
            return false;
        }
        int offset = (int) (id.clock() - at.clock());
        String str = cs.string();
        return left ? offset + 1 < str.length() && Character.isHighSurrogate(str.charAt(offset))
                : offset > 0 && Character.isLowSurrogate(str.charAt(offset));
    }

    /** The item names as left neighbour a map item of the update itself that sits under a map key: it replaces it. */
    private static boolean replacesFresh(Wire w, Item i) {
        for (Wire.Group g : w.groups) {
            long clock = g.clock;
            for (Struct s : g.structs) {
                if (g.client == i.origin().client() && clock <= i.origin().clock() && i.origin().clock() < clock + s.length()) {
                    return s instanceof Item o && o.content() instanceof ContentType && o.parentSub() != null;
                }
                clock += s.length();
            }
        }
        return false;
    }

    private static boolean unknown(Id id, long client, Map<Long, Long> before) {
        return id != null && id.client() != client && id.clock() >= before.getOrDefault(id.client(), 0L);
    }

    /**
     * Both neighbours are there once the update is applied, and the right one is not after the left one in the same
     * type and key (or one of them was collected: the item was placed next to content that no longer exists).
     */
    private static boolean crossed(YDoc doc, Item i) {
        if (i.origin() == null || i.rightOrigin() == null) {
            return false;
        }
        boolean leftThere = i.origin().clock() < doc.store().getState(i.origin().client());
        boolean rightThere = i.rightOrigin().clock() < doc.store().getState(i.rightOrigin().client());
        if (!leftThere || !rightThere) {
            return false;
        }
        Item left = item(doc, i.origin());
        Item right = item(doc, i.rightOrigin());
        if (left == null || right == null) {
            return left != right; // one neighbour collected, the other not
        }
        if (left == right) {
            return i.rightOrigin().clock() <= i.origin().clock();
        }
        if (left.parent() != right.parent() || !java.util.Objects.equals(left.parentSub(), right.parentSub())) {
            return true;
        }
        for (Item n = left.right(); n != null; n = n.right()) {
            if (n == right) {
                return false;
            }
        }
        return true;
    }

    /** The type an item of the update goes into, as far as the document before it says; null when unknown. */
    private static YType parent(YDoc doc, Item i) {
        if (i.parentRef() instanceof ParentRef.Named n) {
            return doc.share().get(n.name());
        }
        if (i.parentRef() instanceof ParentRef.ById b) {
            Item holder = item(doc, b.id());
            return holder != null && holder.content() instanceof ContentType ct ? ct.type() : null;
        }
        Id neighbour = i.origin() != null ? i.origin() : i.rightOrigin();
        Item n = neighbour == null ? null : item(doc, neighbour);
        return n == null ? null : n.parent();
    }

    private static Item item(YDoc doc, Id id) {
        if (id.clock() >= doc.store().getState(id.client())) {
            return null;
        }
        return doc.store().find(id) instanceof Item it ? it : null;
    }
}
