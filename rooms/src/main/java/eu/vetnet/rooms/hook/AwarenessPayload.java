package eu.vetnet.rooms.hook;

import java.util.List;

/** Awareness states changed (already rewritten with server-owned identity fields). */
public record AwarenessPayload(String roomId, String documentName, RoomUser user, List<Long> added,
        List<Long> updated, List<Long> removed) {
}
