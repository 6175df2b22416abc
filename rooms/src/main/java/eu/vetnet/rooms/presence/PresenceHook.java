package eu.vetnet.rooms.presence;

import eu.vetnet.rooms.RoomException;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.SessionPayload;
import eu.vetnet.rooms.hook.UnloadPayload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Presence and ownership as a room hook: a session that opened is counted, its end uncounted;
 * the first document of a room takes the room's lease (refused, 1013, when another server owns it, so the
 * client reconnects through the gateway to the owner, or while Redis cannot be reached); an unloaded room releases it.
 */
public final class PresenceHook implements RoomHook {

    private final LocalPresence local;
    private final RoomLeases leases;

    /** @param leases null without Redis: one server, nothing to share */
    public PresenceHook(LocalPresence local, RoomLeases leases) {
        this.local = local;
        this.leases = leases;
    }

    /** After the access hook, before storage: leases are checked before a room is read. */
    @Override
    public int priority() {
        return HookPriority.PRESENCE;
    }

    /** Counted once the session opened: a join refused or failed on the way is never counted. */
    @Override
    public void onJoined(SessionPayload payload) {
        local.join(payload.roomId(), payload.documentName(), payload.user(), payload.role());
    }

    @Override
    public void onLeft(SessionPayload payload) {
        local.leave(payload.roomId(), payload.documentName(), payload.user());
    }

    @Override
    public CompletionStage<Void> onLoadDocument(LoadPayload payload) {
        if (leases == null || leases.valid(payload.roomId())) {
            return DONE;
        }
        return leases.acquire(payload.roomId()).toFuture().thenAccept(claim -> {
            if (!claim.granted()) {
                throw new RoomException("room " + payload.roomId() + ": " + claim.refusal());
            }
        });
    }

    @Override
    public CompletionStage<Void> onUnload(UnloadPayload payload) {
        local.dropRoom(payload.roomId());
        if (leases == null) {
            return DONE;
        }
        return leases.release(payload.roomId()).toFuture().thenApply(v -> (Void) null).exceptionally(e -> null);
    }

    static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
