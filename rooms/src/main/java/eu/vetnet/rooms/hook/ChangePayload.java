package eu.vetnet.rooms.hook;

/**
 * An update was applied. The core broadcasts it only after every hook's returned stage completed, in the
 * order updates were applied: a history hook appends here, so what anyone has seen is stored.
 *
 * @param update the v1 update as the document produced it
 * @param user who sent it (null for updates the server made)
 */
public record ChangePayload(String roomId, String documentName, byte[] update, RoomUser user) {
}
