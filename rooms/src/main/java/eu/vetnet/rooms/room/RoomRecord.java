package eu.vetnet.rooms.room;

import java.time.Instant;
import java.util.List;

/** A co-design room as stored and served by {@code /api/rooms}. */
public record RoomRecord(String id, String title, RoomKind kind, AccessList access, List<String> documents,
        boolean archived, Instant createdAt) {

    /** The documents every room has. */
    public static final List<String> DEFAULT_DOCUMENTS = List.of("board", "notes", "workshop");

    public RoomRecord withAccess(AccessList a) {
        return new RoomRecord(id, title, kind, a, documents, archived, createdAt);
    }

    public RoomRecord withDocuments(List<String> d) {
        return new RoomRecord(id, title, kind, access, List.copyOf(d), archived, createdAt);
    }

    public RoomRecord archive() {
        return new RoomRecord(id, title, kind, access, documents, true, createdAt);
    }
}
