package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import java.util.List;

/**
 * {@code board}: root YMap {@code objects}, object id -> YMap {type, owner, ..., votes: YMap userId -> true, locked}.
 * A facilitator locks an object (layout, instructions, a participant's note after ideation) with {@code locked: true}.
 */
public final class BoardPolicy implements DocumentPolicy {

    private final OwnedCollectionRule objects = new OwnedCollectionRule("objects", "votes",
            java.util.Set.of(OwnedCollectionRule.LOCKED), true);

    @Override
    public Verdict check(YDoc doc, List<Touch> touches, Actor actor) {
        for (Touch t : touches) {
            if (t.parent().isEmpty()) {
                return Policies.unplaceable(t);
            }
            if (!objects.root().equals(t.root())) {
                return Verdict.deny("the board keeps everything in the map 'objects'; '" + t.root() + "' is for facilitators");
            }
        }
        return objects.check(doc, touches, actor);
    }

    @Override
    public boolean judgesContent() {
        return true;
    }

    @Override
    public Verdict checkContent(List<Touch> touches) {
        return BoardContent.check(touches);
    }

    /** The phase and its rules (docs/rooms.md, "Phases"). */
    @Override
    public List<String> reads() {
        return List.of(PhaseRules.WORKSHOP_DOCUMENT);
    }
}
