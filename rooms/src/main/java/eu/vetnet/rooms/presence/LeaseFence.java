package eu.vetnet.rooms.presence;

import eu.vetnet.rooms.RoomException;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.HookPriority;
import eu.vetnet.rooms.hook.RoomHook;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Acknowledges an update only while this server still holds the room's lease: runs after storage, so the check
 * comes after the append completed and just before the broadcast and the sender's "saved". An update whose append
 * ended after the lease did is neither broadcast nor acknowledged (the sender hears "not saved" and keeps it, its app
 * sends it again to the next owner); the room is being closed here meanwhile (docs/history-and-presence.md, "Lease
 * protocol"). Only with Redis: one server without Redis has no lease to lose.
 */
public final class LeaseFence implements RoomHook {

    private final RoomLeases leases;

    public LeaseFence(RoomLeases leases) {
        this.leases = leases;
    }

    @Override
    public int priority() {
        return HookPriority.FENCE;
    }

    @Override
    public CompletionStage<Void> onChange(ChangePayload payload) {
        if (leases.valid(payload.roomId())) {
            return DONE;
        }
        return CompletableFuture.failedFuture(new RoomException("room " + payload.roomId()
                + ": this server's lease of the room ended before the update was stored; not acknowledged"));
    }
}
