package eu.vetnet.rooms.hook;

/** A connection left a document (socket closed, or the Hocuspocus provider detached it). */
public record DisconnectPayload(String roomId, String documentName, RoomUser user) {
}
