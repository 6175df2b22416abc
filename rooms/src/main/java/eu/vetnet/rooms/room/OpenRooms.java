package eu.vetnet.rooms.room;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomServer;
import org.springframework.http.HttpStatus;

/**
 * The one check of every REST call that works on a room as its session holds it (the opinion map, anonymous
 * ballots, the reveal): the room is open on this server, its owner, where the gateway routes its requests (409 if not).
 */
public final class OpenRooms {

    private OpenRooms() {
    }

    /** The open room, or a 409 saying that {@code what} happens during the room's session. */
    public static Room require(RoomServer server, RoomRecord room, String what) {
        Room open = server.openRoom(room.id());
        if (open == null) {
            throw new ApiException(HttpStatus.CONFLICT, "room " + room.id() + " is not open: " + what + " during its session",
                    "open the room, then try again");
        }
        return open;
    }
}
