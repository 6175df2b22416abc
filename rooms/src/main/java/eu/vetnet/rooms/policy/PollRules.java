package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.struct.ContentDeleted;
import eu.vetnet.crdt.types.YMap;
import java.util.List;

/**
 * Ballots in the workshop document (docs/rooms.md, "Polls and dot votes"): {@code votes/<poll>/<userId>}, under the
 * voter's own id only, judged against the poll the facilitator described in {@code workshop/polls/<poll>}:
 * <ul>
 *   <li>{@code state: "closed"}: nobody casts, changes or withdraws a ballot any more;
 *   <li>{@code kind: "dots"}: a ballot is a list of {@code targets} (board objects; one entry per dot, repeats allowed)
 *       no longer than {@code budget}. One key per person, so a second tab replaces the first tab's dots, never adds;
 *   <li>otherwise, with {@code options}: a ballot is one of them.
 * </ul>
 * A ballot in a poll nobody described (rooms from before polls had descriptions) is any single value. An
 * {@code anonymous} poll takes no ballot in the document at all: the server keeps them and writes only the tally.
 */
public final class PollRules {

    public static final String CLOSED = "closed";
    public static final String DOTS = "dots";
    /** A poll whose ballots the server keeps to itself (docs/dialogue.md, "Anonymous votes"). */
    public static final String ANONYMOUS = "anonymous";

    private PollRules() {
    }

    static Verdict check(YDoc doc, Touch t, Actor actor) {
        if (t.parent().size() != 2 || !actor.userId().equals(t.key())) {
            return Verdict.deny("votes/<poll>: a vote can only be cast or withdrawn under your own user id "
                    + actor.userId() + "; facilitators open polls");
        }
        String poll = Touches.keyAt(t, 1);
        YMap described = description(doc, poll);
        if (described == null) {
            return Verdict.ALLOW;
        }
        if (CLOSED.equals(described.get("state"))) {
            return Verdict.deny("the poll '" + described.get("question") + "' is closed: votes can no longer be cast or withdrawn");
        }
        if (t.kind() == Touch.Kind.DELETE || t.content() instanceof ContentDeleted) {
            return Verdict.ALLOW; // withdrawn while the poll is open
        }
        if (Boolean.TRUE.equals(described.get(ANONYMOUS))) {
            return Verdict.deny("the poll '" + described.get("question") + "' is anonymous: cast your ballot with POST "
                    + "/api/rooms/{id}/polls/" + poll + "/ballot, the server keeps it and shows only the tally");
        }
        return ballot(described, Touches.value(t));
    }

    /** Whether {@code ballot} is one the poll {@code described} takes (not whether the poll is open). */
    public static Verdict ballot(YMap described, Object ballot) {
        if (DOTS.equals(described.get("kind"))) {
            int budget = described.get("budget") instanceof Number n ? n.intValue() : 0;
            List<?> targets = described.get("targets") instanceof List<?> l ? l : List.of();
            if (!(ballot instanceof List<?> dots)) {
                return Verdict.deny("a dot vote is the list of what you put your dots on");
            }
            if (dots.size() > budget) {
                return Verdict.deny("you have " + budget + " dots in this vote, not " + dots.size());
            }
            for (Object dot : dots) {
                if (!(dot instanceof String) || !targets.contains(dot)) {
                    return Verdict.deny("a dot may go only on what the facilitator put to the vote, not on " + dot);
                }
            }
            return Verdict.ALLOW;
        }
        if (described.get("options") instanceof List<?> options && !(ballot instanceof String && options.contains(ballot))) {
            return Verdict.deny("choose one of the poll's options " + options);
        }
        return Verdict.ALLOW;
    }

    /** The facilitator's description of {@code poll} ({@code workshop/polls/<poll>}), or null. */
    public static YMap description(YDoc doc, String poll) {
        YMap workshop = poll == null ? null : Policies.rootMap(doc, "workshop");
        return workshop != null && workshop.get("polls") instanceof YMap polls && polls.get(poll) instanceof YMap p ? p : null;
    }
}
