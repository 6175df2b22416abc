package eu.vetnet.rooms.presence;

import eu.vetnet.rooms.RoomException;
import eu.vetnet.rooms.hook.AuthenticatePayload;
import eu.vetnet.rooms.hook.DisconnectPayload;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.UnloadPayload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Presence and ownership as a room hook: a join that passed the access list is counted, a leave uncounted;
 * the first document of a room takes the room's lease (refused, 1013, when another server owns it, so the
 * client reconnects through the gateway to the owner); an unloaded room releases it.
 */
public final class PresenceHook implements RoomHook {

    private final LocalPresence local;
    private final RoomLeases leases;

    /** @param leases null without Redis: one server, nothing to share */
    public PresenceHook(LocalPresence local, RoomLeases leases) {
        this.local = local;
        this.leases = leases;
    }

    /** After the access hook (900), before storage (100): leases are checked before a room is read. */
    @Override
    public int priority() {
        return 200;
    }

    @Override
    public CompletionStage<Void> onAuthenticate(AuthenticatePayload payload) {
        // Counted when the access list admitted the user. A join refused later (load failure) is uncounted
        // when its room unloads; the core has no "joined" hook yet.
        if (payload.context().user() != null && payload.context().role() != null && !payload.renewal()) {
            local.join(payload.roomId(), payload.documentName(), payload.context().user(), payload.context().role());
        }
        return DONE;
    }

    @Override
    public void onDisconnect(DisconnectPayload payload) {
        if (payload.user() != null) {
            local.leave(payload.roomId(), payload.documentName(), payload.user());
        }
    }

    @Override
    public CompletionStage<Void> onLoadDocument(LoadPayload payload) {
        if (leases == null || leases.holds(payload.roomId())) {
            return DONE;
        }
        return leases.acquire(payload.roomId()).toFuture().thenAccept(claim -> {
            if (!claim.granted()) {
                throw new RoomException("room " + payload.roomId() + " is served by room server " + claim.owner()
                        + ": reconnect through the gateway");
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
