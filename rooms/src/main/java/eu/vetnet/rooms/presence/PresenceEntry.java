package eu.vetnet.rooms.presence;

import java.time.Instant;
import java.util.List;

/** One person in one room, as one room server sees them. */
public record PresenceEntry(String roomId, String userId, String username, String name, String role,
        List<String> documents, Instant since, String node) {
}
