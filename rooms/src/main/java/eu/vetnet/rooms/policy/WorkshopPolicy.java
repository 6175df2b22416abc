package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code workshop}: root YMap {@code workshop} (agenda, timer, phase: facilitators only), root YMap
 * {@code questions} (owned entries with {@code upvotes}), root YMap {@code votes} (poll id -> YMap
 * userId -> choice; facilitators open polls, everyone votes under their own id).
 */
public final class WorkshopPolicy implements DocumentPolicy {

    private final OwnedCollectionRule questions = new OwnedCollectionRule("questions", "upvotes");

    @Override
    public Verdict check(YDoc doc, List<Touch> touches, Actor actor) {
        List<Touch> questionTouches = new ArrayList<>();
        for (Touch t : touches) {
            if (t.parent().isEmpty()) {
                return Policies.unplaceable(t);
            }
            switch (t.root()) {
                case "workshop" -> {
                    return Verdict.deny("only facilitators change the workshop's agenda, timer and phase (" + t.describe() + ")");
                }
                case "questions" -> questionTouches.add(t);
                case "votes" -> {
                    if (t.parent().size() != 2 || !actor.userId().equals(t.key())) {
                        return Verdict.deny("votes/<poll>: a vote can only be cast or withdrawn under your own user id "
                                + actor.userId() + "; facilitators open polls");
                    }
                }
                default -> {
                    return Verdict.deny("the workshop document has no '" + t.root() + "' for participants");
                }
            }
        }
        return questionTouches.isEmpty() ? Verdict.ALLOW : questions.check(doc, questionTouches, actor);
    }
}
