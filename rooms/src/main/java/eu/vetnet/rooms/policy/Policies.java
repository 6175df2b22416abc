package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.privatenotes.PrivateNotes;
import java.util.List;

/** The policy of each built-in document name; any other (user-added) document is open to its writers. */
public final class Policies {

    private static final DocumentPolicy BOARD = new BoardPolicy();
    private static final DocumentPolicy WORKSHOP = new WorkshopPolicy();
    private static final DocumentPolicy NOTES = new NotesPolicy();

    private Policies() {
    }

    public static DocumentPolicy forDocument(String name) {
        if (PrivateNotes.isPrivate(name)) {
            return BOARD; // a person's private notes are a board of their own, under the board's rules
        }
        return switch (name) {
            case "board" -> BOARD;
            case "workshop" -> WORKSHOP;
            case "notes" -> NOTES;
            default -> DocumentPolicy.OPEN;
        };
    }

    /**
     * How many types deep anyone may nest content below a document's root. Deleting a type walks everything in it,
     * and a document nested thousands deep is no board or text anyone writes: the Tiptap document's lists within
     * lists and the board's objects stay far below this.
     */
    public static final int MAX_NESTING = 32;

    /**
     * The owner of what the server writes for nobody in particular (a note revealed without names, an anonymous
     * question): no user id is ever this, so no participant can change or delete it.
     */
    public static final String ANONYMOUS_OWNER = "anonymous";

    /**
     * Rules on where an update's parts land, for every writer (docs/rooms.md, "What the server checks"): nothing
     * the server cannot place (it would wait pending and apply later unchecked), nothing nested deeper than
     * {@link #MAX_NESTING}.
     */
    public static Verdict placement(List<Touch> touches) {
        for (Touch t : touches) {
            if (t.kind() == Touch.Kind.MISPLACED) {
                return Verdict.deny("content its place cannot hold (" + t.describe() + "): formatting belongs in a text, and an "
                        + "item's right neighbour must be right of its left one; resync");
            }
            if (t.parent().isEmpty()) {
                return unplaceable(t);
            }
            if (t.parent().size() > MAX_NESTING) {
                return Verdict.deny("content nested " + t.parent().size() + " types deep; at most " + MAX_NESTING);
            }
        }
        return Verdict.ALLOW;
    }

    /**
     * The root map {@code name} of {@code doc} as the rules read it, or null when the document has no such root or uses
     * it as another type. Types the root as Yjs's getMap does (a root nobody asked for yet is untyped on the server).
     * Never creates a root: judging an update must not change the document.
     */
    public static YMap rootMap(YDoc doc, String name) {
        if (doc == null || !doc.share().containsKey(name)) {
            return null;
        }
        try {
            return doc.getMap(name);
        } catch (RuntimeException otherType) {
            return null;
        }
    }

    /**
     * Content whose parent the server cannot find yet (it depends on something the server never received).
     * Refused rather than held pending: a participant's update is judged before it is applied, and content that
     * cannot be placed cannot be judged. The client resyncs.
     */
    static Verdict unplaceable(Touch t) {
        return Verdict.deny("the update depends on content the server does not have (" + t.describe() + "); resync");
    }
}
