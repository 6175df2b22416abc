package eu.vetnet.rooms.policy;

import eu.vetnet.rooms.hook.RoomRole;

/** Who wants to write: the user id owners and votes are keyed by, and the role in the room. */
public record Actor(String userId, RoomRole role) {

    public boolean facilitates() {
        return role == RoomRole.FACILITATOR;
    }
}
