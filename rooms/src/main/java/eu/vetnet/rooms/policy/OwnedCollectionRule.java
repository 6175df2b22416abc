package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.struct.ContentDeleted;
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
 * ballots only under their own user id, on anyone's entry. Deleting an own entry deletes everything in it; short of
 * that, nobody's ballots go with a change: an entry is never replaced, its {@code owner} never deleted or changed, its
 * ballot map never deleted or replaced. A value written under a map key replaces the one there (the engine deletes it
 * even when the update's delete set does not name it), so an insertion under such a key is judged as a replacement.
 * <p>
 * Some keys of an entry are the facilitator's ({@code reserved}: a question's {@code status}, a note's {@code locked}),
 * set or removed by nobody else, on creation neither. An entry whose {@code locked} is true (when the rule honours locks)
 * is changed or deleted by no participant, its owner included; ballots on it still come and go.
 */
final class OwnedCollectionRule {

    static final String OWNER = "owner";
    static final String LOCKED = "locked";

    private final String root;
    private final String ballots;
    private final Set<String> reserved;
    private final boolean honoursLocks;

    OwnedCollectionRule(String root, String ballots, Set<String> reserved, boolean honoursLocks) {
        this.root = root;
        this.ballots = ballots;
        this.reserved = Set.copyOf(reserved);
        this.honoursLocks = honoursLocks;
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
            if (t.kind() == Touch.Kind.INSERT && t.parent().size() == 1 && t.key() != null
                    && !(t.content() instanceof ContentDeleted)) {
                // Two live values for one entry in one update: the later replaces the first, whose owner was declared.
                if (!created.add(t.key())) {
                    return Verdict.deny(root + "/" + t.key() + " is written twice in one update: one value per entry");
                }
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
                // An entry created and deleted in this same update is not in the document: its owner is the declared one.
                Object owner = gone == null ? null : gone.doc() == null ? declared.get(t.key()) : gone.get(OWNER);
                if (!me.equals(owner)) {
                    return Verdict.deny(root + "/" + t.key() + " belongs to " + owner + ": only its owner or a facilitator may delete it");
                }
                if (lockedInDoc(doc, t.key())) {
                    return Verdict.deny(root + "/" + t.key() + " is locked by a facilitator: it cannot be deleted");
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
                if (t.content() instanceof ContentDeleted && !existsInDoc(doc, t.key())) {
                    continue; // created and deleted before it was sent: an empty key stays empty
                }
                if (Touches.map(t) == null) {
                    return Verdict.deny(root + "/" + t.key() + " must be a Y.Map with an owner");
                }
                if (existsInDoc(doc, t.key())) {
                    return Verdict.deny(root + "/" + t.key() + " exists: it cannot be replaced (others' "
                            + ballots + " would go with it); delete it and create a new one");
                }
                if (!me.equals(declared.get(t.key()))) {
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
            if (depth == 2 && t.key() != null && reserved.contains(t.key())) {
                return Verdict.deny(root + "/" + entry + "/" + t.key() + " is set by facilitators only");
            }
            if (lockedInDoc(doc, entry)) {
                return Verdict.deny(root + "/" + entry + " is locked by a facilitator: only ballots on it may change");
            }
            if (depth == 2 && OWNER.equals(t.key()) && t.kind() == Touch.Kind.INSERT && !me.equals(Touches.value(t))) {
                return Verdict.deny(root + "/" + entry + "/owner can only be your own user id " + me);
            }
            if (depth == 2 && OWNER.equals(t.key()) && t.kind() == Touch.Kind.DELETE) {
                return Verdict.deny(root + "/" + entry + "/owner cannot be removed; delete the whole entry instead");
            }
            if (depth == 2 && ballots.equals(t.key()) && (t.kind() == Touch.Kind.DELETE || existsInDoc(doc, entry))) {
                return Verdict.deny(root + "/" + entry + "/" + ballots + " holds everyone's " + ballots
                        + ": it cannot be removed or replaced, only the whole entry deleted");
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

    private boolean existsInDoc(YDoc doc, String entry) {
        YMap map = rootMap(doc);
        return map != null && map.get(entry) != null;
    }

    private YMap rootMap(YDoc doc) {
        return Policies.rootMap(doc, root); // null: no such root, or used as another type: nothing in it is owned
    }

    private boolean lockedInDoc(YDoc doc, String entry) {
        if (!honoursLocks) {
            return false;
        }
        YMap map = rootMap(doc);
        return map != null && map.get(entry) instanceof YMap e && Boolean.TRUE.equals(e.get(LOCKED));
    }

    private Object ownerInDoc(YDoc doc, String entry) {
        YMap map = rootMap(doc);
        return map != null && map.get(entry) instanceof YMap e ? e.get(OWNER) : null;
    }
}
