package eu.vetnet.rooms.hook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one extension point of the room server (Hocuspocus's extension hooks). Every method has a default
 * that does nothing; hooks run in descending {@link #priority()}, each after the previous one's stage
 * completed. Hooks run on a room's lane: they must not block; slow work returns a stage.
 */
public interface RoomHook {

    CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /** Higher runs first. Authentication is 1000, access 900, storage 100. */
    default int priority() {
        return 100;
    }

    /** Establishes the user and their role in {@code payload.context()}, or throws {@link AccessDeniedException}. */
    default CompletionStage<Void> onAuthenticate(AuthenticatePayload payload) {
        return DONE;
    }

    /** Fills a newly opened document from storage. A failed stage refuses the document (fail closed). */
    default CompletionStage<Void> onLoadDocument(LoadPayload payload) {
        return DONE;
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

    /** A connection left a document. */
    default void onDisconnect(DisconnectPayload payload) {
    }

    /** A room was unloaded, after {@link #onStoreDocument} completed for each document. */
    default CompletionStage<Void> onUnload(UnloadPayload payload) {
        return DONE;
    }
}
