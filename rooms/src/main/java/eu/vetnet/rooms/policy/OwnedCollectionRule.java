package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.types.YMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A root map of owned entries ({@code objects} on the board, {@code questions} in the workshop): entry id ->
 * YMap with an {@code owner} (user id) and a ballot map ({@code votes}, {@code upvotes}: user id -> value).
 * A participant creates entries owned by themselves, changes and deletes only their own, and adds or removes
 * ballots only under their own user id, on anyone's entry. Deleting an own entry deletes everything in it.
 */
final class OwnedCollectionRule {

    static final String OWNER = "owner";

    private final String root;
    private final String ballots;

    OwnedCollectionRule(String root, String ballots) {
        this.root = root;
        this.ballots = ballots;
    }

    String root() {
        return root;
    }

    /** Judges the touches under this rule's root. */
    Verdict check(YDoc doc, List<Touch> touches, Actor actor) {
        String me = actor.userId();
        // Owners declared by this update for entries it creates (they are not in the document yet).
        Map<String, Object> declared = new HashMap<>();
        Set<String> deletedEntries = new HashSet<>();
        Set<String> created = new HashSet<>();
        for (Touch t : touches) {
            if (t.kind() == Touch.Kind.INSERT && t.parent().size() == 1 && t.key() != null) {
                created.add(t.key());
            }
        }
        for (Touch t : touches) {
            if (t.kind() == Touch.Kind.INSERT && t.parent().size() == 2 && OWNER.equals(t.key())
                    && created.contains(Touches.keyAt(t, 1))) {
                declared.put(Touches.keyAt(t, 1), Touches.value(t));
            }
        }
        for (Touch t : touches) {
            if (t.parent().size() == 1 && t.kind() == Touch.Kind.DELETE && t.key() != null) {
                YMap gone = Touches.map(t);
                Object owner = gone == null ? null : gone.get(OWNER);
                if (!me.equals(owner)) {
                    return Verdict.deny(root + "/" + t.key() + " belongs to " + owner + ": only its owner or a facilitator may delete it");
                }
                deletedEntries.add(t.key());
            }
        }
        for (Touch t : touches) {
            int depth = t.parent().size();
            if (depth == 1) {
                if (t.key() == null) {
                    return Verdict.deny(root + " is a map: list content cannot go into it");
                }
                if (t.kind() == Touch.Kind.DELETE) {
                    continue; // judged above
                }
                if (Touches.map(t) == null) {
                    return Verdict.deny(root + "/" + t.key() + " must be a Y.Map with an owner");
                }
                Object existing = ownerInDoc(doc, t.key());
                if (existing != null && !me.equals(existing)) {
                    return Verdict.deny(root + "/" + t.key() + " belongs to " + existing + ": it cannot be replaced");
                }
                if (existing == null && !me.equals(declared.get(t.key()))) {
                    return Verdict.deny("a new " + root + " entry must set owner to your user id " + me);
                }
                continue;
            }
            String entry = Touches.keyAt(t, 1);
            if (entry == null) {
                return Verdict.deny("cannot place " + t.describe());
            }
            if (deletedEntries.contains(entry) && t.kind() == Touch.Kind.DELETE) {
                continue; // the contents of an entry its owner deletes
            }
            if (depth >= 3 && ballots.equals(Touches.keyAt(t, 2))) {
                if (depth != 3 || !me.equals(t.key())) {
                    return Verdict.deny(root + "/" + entry + "/" + ballots + ": a vote can only be cast or withdrawn under your own user id " + me);
                }
                continue;
            }
            if (depth == 2 && OWNER.equals(t.key()) && t.kind() == Touch.Kind.INSERT && !me.equals(Touches.value(t))) {
                return Verdict.deny(root + "/" + entry + "/owner can only be your own user id " + me);
            }
            Object owner = ownerInDoc(doc, entry);
            if (owner == null) {
                owner = declared.get(entry);
            }
            if (!me.equals(owner)) {
                return Verdict.deny(root + "/" + entry + " belongs to " + owner + ": only its owner or a facilitator may change it");
            }
        }
        return Verdict.ALLOW;
    }

    private Object ownerInDoc(YDoc doc, String entry) {
        if (!doc.share().containsKey(root)) {
            return null;
        }
        YMap map;
        try {
            // Types the root as Yjs's getMap does (a root nobody asked for yet is untyped on the server).
            map = doc.getMap(root);
        } catch (RuntimeException e) {
            return null; // the root was used as another type: nothing in it is owned
        }
        return map.get(entry) instanceof YMap e ? e.get(OWNER) : null;
    }
}
