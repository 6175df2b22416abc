package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.struct.ContentDeleted;
import java.util.List;

/**
 * Statements in the workshop document (docs/dialogue.md): owned entries like questions, whose ballot map
 * {@code votes} holds each person's 1 (agree), -1 (disagree) or 0 (pass), and whose {@code text} is short. What these
 * rules add to {@link OwnedCollectionRule}: the ballot's value and the text's length, judged on what each insertion
 * writes.
 */
public final class StatementRules {

    static final String ROOT = "statements";
    /** A statement is a sentence or two: Pol.is keeps them under 140 characters; we allow twice that. */
    public static final int MAX_TEXT = 280;
    /** The facilitator's {@code workshop/statementModeration}: with this value, statements are shown only once approved. */
    public static final String STRICT = "strict";
    public static final String MODERATION_KEY = "statementModeration";

    /** Whether the room's statements are strictly moderated (docs/dialogue.md, "Strict moderation"). */
    public static boolean strict(YDoc workshop) {
        YMap settings = Policies.rootMap(workshop, "workshop");
        return settings != null && STRICT.equals(settings.get(MODERATION_KEY));
    }

    /**
     * Under strict moderation a participant changes only their own ballots on statements: a statement comes in
     * through the server once a facilitator approves it, and its text stays as approved.
     */
    static Verdict strictly(List<Touch> touches) {
        for (Touch t : touches) {
            if (t.parent().size() < 3 || !"votes".equals(Touches.keyAt(t, 2))) {
                return Verdict.deny("statements in this room are moderated: submit yours for approval "
                        + "(POST /api/rooms/{id}/statements/submissions); only your vote is yours to change here");
            }
        }
        return Verdict.ALLOW;
    }

    private StatementRules() {
    }

    static Verdict check(List<Touch> touches) {
        for (Touch t : touches) {
            if (t.kind() != Touch.Kind.INSERT || t.content() instanceof ContentDeleted) {
                continue;
            }
            int depth = t.parent().size();
            if (depth == 3 && "votes".equals(Touches.keyAt(t, 2))) {
                Object v = Touches.value(t);
                boolean ok = (v instanceof Integer || v instanceof Long) && Math.abs(((Number) v).longValue()) <= 1;
                if (!ok) {
                    return Verdict.deny(ROOT + "/" + Touches.keyAt(t, 1) + "/votes: a vote on a statement is 1 (agree), -1 (disagree) or 0 (pass), not " + v);
                }
            }
            if (depth == 2 && "text".equals(t.key())) {
                Object v = Touches.value(t);
                if (!(v instanceof String s) || s.length() > MAX_TEXT) {
                    return Verdict.deny(ROOT + "/" + Touches.keyAt(t, 1) + "/text: a statement is a plain text of at most " + MAX_TEXT + " characters");
                }
            }
        }
        return Verdict.ALLOW;
    }
}
