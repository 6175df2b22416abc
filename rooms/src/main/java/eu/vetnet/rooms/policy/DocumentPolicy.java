package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.Touch;
import java.util.List;

/**
 * What a non-facilitator may change in one kind of document, judged from {@code UpdateInspector}'s touches
 * before anything is applied. Facilitators skip {@link #check}, not {@link #checkContent}.
 */
public interface DocumentPolicy {

    /** Judges every touch of one update against the current {@code doc}. */
    Verdict check(YDoc doc, List<Touch> touches, Actor actor);

    /** True when {@link #checkContent} has rules: then every writer's updates are inspected, facilitators' too. */
    default boolean judgesContent() {
        return false;
    }

    /** Rules on values that hold for every writer, facilitators included (the board's colours and images). */
    default Verdict checkContent(List<Touch> touches) {
        return Verdict.ALLOW;
    }

    /** Other documents of the room this policy's rules read (opened before anyone writes to this one). */
    default List<String> reads() {
        return List.of();
    }

    /** A policy that lets any writer change anything (documents users add). */
    DocumentPolicy OPEN = (doc, touches, actor) -> Verdict.ALLOW;
}
