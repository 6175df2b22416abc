package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code workshop}: root YMap {@code workshop} (agenda, timer, phase, poll descriptions: facilitators only), root YMap
 * {@code questions} (owned entries with {@code upvotes}; their moderation, {@code status}, {@code pinned} and
 * {@code mergedInto}, is the facilitator's), root YMap {@code answers} (owned entries: {question, text, owner, upvotes}),
 * root YMap {@code statements} (owned entries: {text, owner, votes: userId -> 1 | -1 | 0}, hidden by facilitators with
 * {@code status}, see {@link StatementRules}), root YMap {@code votes} (poll id -> YMap userId -> ballot, see
 * {@link PollRules}).
 */
public final class WorkshopPolicy implements DocumentPolicy {

    /** The keys of a question only facilitators set: its moderation. */
    static final Set<String> MODERATION = Set.of("status", "pinned", "mergedInto");

    private final OwnedCollectionRule questions = new OwnedCollectionRule("questions", "upvotes", MODERATION, false);
    private final OwnedCollectionRule answers = new OwnedCollectionRule("answers", "upvotes", Set.of(), false);
    private final OwnedCollectionRule statements = new OwnedCollectionRule(StatementRules.ROOT, "votes", Set.of("status"), false);

    @Override
    public Verdict check(YDoc doc, List<Touch> touches, Actor actor) {
        List<Touch> questionTouches = new ArrayList<>();
        List<Touch> answerTouches = new ArrayList<>();
        List<Touch> statementTouches = new ArrayList<>();
        for (Touch t : touches) {
            if (t.parent().isEmpty()) {
                return Policies.unplaceable(t);
            }
            switch (t.root()) {
                case "workshop" -> {
                    return Verdict.deny("only facilitators change the workshop's agenda, timer and phase (" + t.describe() + ")");
                }
                case "questions" -> questionTouches.add(t);
                case "answers" -> answerTouches.add(t);
                case StatementRules.ROOT -> statementTouches.add(t);
                case "votes" -> {
                    Verdict ballot = PollRules.check(doc, t, actor);
                    if (!ballot.allowed()) {
                        return ballot;
                    }
                }
                default -> {
                    return Verdict.deny("the workshop document has no '" + t.root() + "' for participants");
                }
            }
        }
        Verdict verdict = questionTouches.isEmpty() ? Verdict.ALLOW : questions.check(doc, questionTouches, actor);
        if (verdict.allowed() && !answerTouches.isEmpty()) {
            verdict = answers.check(doc, answerTouches, actor);
        }
        if (verdict.allowed() && !statementTouches.isEmpty() && StatementRules.strict(doc)) {
            verdict = StatementRules.strictly(statementTouches);
        }
        if (verdict.allowed() && !statementTouches.isEmpty()) {
            verdict = StatementRules.check(statementTouches);
            if (verdict.allowed()) {
                verdict = statements.check(doc, statementTouches, actor);
            }
        }
        return verdict;
    }

    /** The phase and its rules (docs/rooms.md, "Phases"). */
    @Override
    public List<String> reads() {
        return List.of(PhaseRules.WORKSHOP_DOCUMENT);
    }
}
