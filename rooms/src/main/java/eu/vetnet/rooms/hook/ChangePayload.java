package eu.vetnet.rooms.hook;

/**
 * An update was applied. The core broadcasts it only after every hook's returned stage completed, in the
 * order updates were applied: a history hook appends here, so what anyone has seen is stored.
 *
 * @param update the v1 update as the document produced it
 * @param user who sent it (null for updates the server made)
 * @param sequence the update's number in this document since it was loaded on this server (1, 2, ...; 0: not
 *     numbered). A later {@link StorePayload#coversSequence()} says which updates a stored state holds.
 */
public record ChangePayload(String roomId, String documentName, byte[] update, RoomUser user, long sequence) {

    /** An update that is not numbered (tools and tests that feed a hook directly). */
    public ChangePayload(String roomId, String documentName, byte[] update, RoomUser user) {
        this(roomId, documentName, update, user, 0);
    }
}
