package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import java.util.List;

/**
 * What a non-facilitator may change in one kind of document, judged from {@code UpdateInspector}'s touches
 * before anything is applied. Facilitators skip the policy.
 */
public interface DocumentPolicy {

    /** Judges every touch of one update against the current {@code doc}. */
    Verdict check(YDoc doc, List<Touch> touches, Actor actor);

    /** A policy that lets any writer change anything (documents users add). */
    DocumentPolicy OPEN = (doc, touches, actor) -> Verdict.ALLOW;
}
