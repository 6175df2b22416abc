package eu.vetnet.rooms.hook;

/**
 * A document's full state, encoded on the room's lane; hooks may keep it from any thread.
 *
 * @param coversSequence the state holds every update numbered up to this ({@link ChangePayload#sequence()}); it may
 *     hold later ones too, whose {@code onChange} had not completed when it was encoded. A history that marks which
 *     of its log rows a snapshot covers must count only the rows of updates numbered up to this.
 */
public record StorePayload(String roomId, String documentName, byte[] state, long coversSequence) {

    /** A state that holds every update reported to the hooks so far (tools and tests). */
    public StorePayload(String roomId, String documentName, byte[] state) {
        this(roomId, documentName, state, Long.MAX_VALUE);
    }
}
