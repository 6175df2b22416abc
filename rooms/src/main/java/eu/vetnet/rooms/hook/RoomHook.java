package eu.vetnet.rooms.hook;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one extension point of the room server (Hocuspocus's extension hooks). Every method has a default
 * that does nothing; hooks run in descending {@link #priority()} ({@link HookPriority}), each after the previous
 * one's stage completed. Hooks run on a room's lane: they must not block; slow work returns a stage. The server's
 * own write rules are a hook too ({@code WriteRules}, {@link #beforeApply}), installed by the core itself.
 */
public interface RoomHook {

    CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /** Higher runs first; see {@link HookPriority} for the stages by name. */
    default int priority() {
        return HookPriority.STORAGE;
    }

    /** Establishes the user and their role in {@code payload.context()}, or throws {@link AccessDeniedException}. */
    default CompletionStage<Void> onAuthenticate(AuthenticatePayload payload) {
        return DONE;
    }

    /** Fills a newly opened document from storage. A failed stage refuses the document (fail closed). */
    default CompletionStage<Void> onLoadDocument(LoadPayload payload) {
        return DONE;
    }

    /**
     * Judges an update before it is applied: a reason refuses it (not applied, stored or broadcast; the sender gets
     * the rejection notice, docs/rooms.md). Synchronous, on the lane, so nothing changes the document between the
     * judgement and the apply. The first refusal in priority order wins.
     */
    default Optional<String> beforeApply(BeforeApplyPayload payload) {
        return Optional.empty();
    }

    /** An update was applied; the broadcast waits for the stage. */
    default CompletionStage<Void> onChange(ChangePayload payload) {
        return DONE;
    }

    /** Stores a document's full state (before unload and on shutdown). */
    default CompletionStage<Void> onStoreDocument(StorePayload payload) {
        return DONE;
    }

    /** Awareness changed; for presence. */
    default void onAwareness(AwarenessPayload payload) {
    }

    /** A person's session on a document opened: authenticated, admitted and the document loaded (not on renewals). */
    default void onJoined(SessionPayload payload) {
    }

    /** A session that {@link #onJoined} reported ended (socket closed, provider detached, access revoked). */
    default void onLeft(SessionPayload payload) {
    }

    /** A room was unloaded, after {@link #onStoreDocument} completed for each document. */
    default CompletionStage<Void> onUnload(UnloadPayload payload) {
        return DONE;
    }
}
