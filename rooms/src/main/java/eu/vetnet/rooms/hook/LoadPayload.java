package eu.vetnet.rooms.hook;

import eu.vetnet.crdt.YDoc;

/** A document is opened: hooks apply what they stored into {@code document} (on the room's lane). */
public record LoadPayload(String roomId, String documentName, YDoc document) {
}
