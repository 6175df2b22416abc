package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.inspect.Touch;

/** The policy of each built-in document name; any other (user-added) document is open to its writers. */
public final class Policies {

    private static final DocumentPolicy BOARD = new BoardPolicy();
    private static final DocumentPolicy WORKSHOP = new WorkshopPolicy();
    private static final DocumentPolicy NOTES = new NotesPolicy();

    private Policies() {
    }

    public static DocumentPolicy forDocument(String name) {
        return switch (name) {
            case "board" -> BOARD;
            case "workshop" -> WORKSHOP;
            case "notes" -> NOTES;
            default -> DocumentPolicy.OPEN;
        };
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
