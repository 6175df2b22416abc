package eu.vetnet.rooms.room;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.hook.RoomUser;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/** The one check of every REST read about a room: it exists (404) and the person is on its access list (403). */
public final class RoomReads {

    private RoomReads() {
    }

    /** The room {@code id}, or a 404. */
    public static Mono<RoomRecord> existing(RoomStore store, String id) {
        return Mono.fromCompletionStage(() -> store.find(id))
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "no room " + id,
                        "list the rooms you may enter with GET /api/rooms")));
    }

    /** The room {@code id}, when {@code user} has a role in it. */
    public static Mono<RoomRecord> onAccessList(RoomStore store, String id, RoomUser user) {
        return existing(store, id)
                .map(room -> {
                    if (RoomAccessHook.roleOf(room, user) == null) {
                        throw notOnList(room);
                    }
                    return room;
                });
    }

    static ApiException notOnList(RoomRecord room) {
        return new ApiException(HttpStatus.FORBIDDEN, "you are not on the access list of room " + room.id(),
                "ask its owner or a facilitator to add you");
    }
}
