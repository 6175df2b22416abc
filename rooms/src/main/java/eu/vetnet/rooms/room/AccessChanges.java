package eu.vetnet.rooms.room;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/** The one way a room's access changes: stored, then every open socket re-judged by the new list (docs/reliability.md, rule 6). */
public final class AccessChanges {

    private AccessChanges() {
    }

    /** Stores {@code changed}; sockets of people who lost access, or whose role changed, are closed. */
    public static Mono<RoomRecord> save(RoomStore store, RoomServer server, RoomRecord changed) {
        return Mono.fromCompletionStage(() -> store.save(changed))
                .flatMap(saved -> Mono.fromCompletionStage(() -> server.reauthorize(saved.id(),
                        (user, document) -> RoomAccessHook.roleFor(saved, user, document))).thenReturn(saved));
    }

    /** Refuses (403) anyone but the room's owner, facilitators and admins. */
    public static void requireFacilitator(RoomRecord room, RoomUser user) {
        if (RoomAccessHook.roleOf(room, user) != RoomRole.FACILITATOR) {
            throw new ApiException(HttpStatus.FORBIDDEN, "only the owner and facilitators of room " + room.id() + " may do this",
                    "ask the owner (" + room.access().owner() + ") or a facilitator");
        }
    }

    /**
     * A change only the owner and facilitators make, to a room that still changes: refused with 403, then 409 for an
     * archived room, in that order, so a participant never learns more than that the change is not theirs.
     */
    public static void requireFacilitatorChange(RoomRecord room, RoomUser user, String what) {
        requireFacilitator(room, user);
        requireNotArchived(room, what);
    }

    /** An archived room is a record: nothing about it changes any more (docs/rooms.md, "REST"). */
    public static void requireNotArchived(RoomRecord room, String what) {
        if (room.archived()) {
            throw new ApiException(HttpStatus.CONFLICT, "room " + room.id() + " is archived: " + what + " cannot change",
                    "create a new room (a copy) to go on working");
        }
    }
}
