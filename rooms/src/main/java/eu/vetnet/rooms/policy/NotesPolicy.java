package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import java.util.List;

/** {@code notes}: the XmlFragment {@code default} that Tiptap writes; every writer edits all of it. */
public final class NotesPolicy implements DocumentPolicy {

    @Override
    public Verdict check(YDoc doc, List<Touch> touches, Actor actor) {
        for (Touch t : touches) {
            if (t.parent().isEmpty()) {
                return Policies.unplaceable(t);
            }
            if (!"default".equals(t.root())) {
                return Verdict.deny("notes keep their text in the XmlFragment 'default', not '" + t.root() + "'");
            }
        }
        return Verdict.ALLOW;
    }

    /** The phase and its rules (docs/rooms.md, "Phases"). */
    @Override
    public List<String> reads() {
        return List.of(PhaseRules.WORKSHOP_DOCUMENT);
    }
}
