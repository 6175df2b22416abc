package eu.vetnet.rooms.hook;

import java.util.List;

/** A room leaves memory: its last connection left, the grace period passed and every document was stored. */
public record UnloadPayload(String roomId, List<String> documentNames) {
}
