package eu.vetnet.rooms.hook;

/**
 * A person joined or left one document of a room: only sessions that were open (authenticated, admitted, loaded),
 * never refused ones, with the role they held; a token renewal is neither.
 */
public record SessionPayload(String roomId, String documentName, RoomUser user, RoomRole role) {
}
