package eu.vetnet.rooms.room;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The one check of every REST call that speaks in a room's workshop on someone's behalf (an anonymous ballot, an
 * anonymous question, a statement for approval): the person has a voice there, as the access hook resolves it for the
 * workshop document (a dialogue seat included), and the room is open on this server.
 */
public final class Voices {

    /** The room as stored, its open session here, and the person's role in its workshop. */
    public record Seat(RoomRecord record, Room room, RoomRole role) {

        public boolean facilitates() {
            return role == RoomRole.FACILITATOR;
        }
    }

    private Voices() {
    }

    /** The seat of {@code user} in room {@code id}; 403 without a voice, 409 when the room is not open here. */
    public static Mono<Seat> seat(RoomStore rooms, RoomServer server, String id, RoomUser user, String what) {
        return RoomReads.existing(rooms, id).map(room -> {
            RoomRole role = RoomAccessHook.roleFor(room, user, RoomKind.VOICE_DOCUMENT);
            if (role == null || !role.writes()) {
                throw new ApiException(HttpStatus.FORBIDDEN, "you have no voice in room " + room.id(),
                        "ask a facilitator to give you a seat or a place as participant");
            }
            return new Seat(room, OpenRooms.require(server, room, what), role);
        });
    }
}
