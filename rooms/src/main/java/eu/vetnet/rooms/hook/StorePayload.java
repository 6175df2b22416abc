package eu.vetnet.rooms.hook;

import java.util.Map;

/**
 * A document's full state, encoded on the room's lane; hooks may keep it from any thread.
 *
 * @param coversSequence the state holds every update numbered up to this ({@link ChangePayload#sequence()}); it may
 *     hold later ones too, whose {@code onChange} had not completed when it was encoded. A history that marks which
 *     of its log rows a snapshot covers must count only the rows of updates numbered up to this.
 * @param clientOwners who owns which Yjs client id in the document when the state was encoded (client id -> user id;
 *     docs/rooms.md, "What the server checks"): stored with the state, so a load restores it
 */
public record StorePayload(String roomId, String documentName, byte[] state, long coversSequence,
        Map<Long, String> clientOwners) {

    /** A state that holds every update reported to the hooks so far, nobody's client ids known (tools and tests). */
    public StorePayload(String roomId, String documentName, byte[] state) {
        this(roomId, documentName, state, Long.MAX_VALUE, Map.of());
    }
}
