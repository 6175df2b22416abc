package eu.vetnet.rooms.hook;

/** A document's full state, encoded on the room's lane; hooks may keep it from any thread. */
public record StorePayload(String roomId, String documentName, byte[] state) {
}
