package eu.vetnet.rooms.room;

import java.time.Instant;
import java.util.List;

/**
 * A co-design room as stored and served by {@code /api/rooms}.
 *
 * @param readOnlyDocuments documents participants may only read (a facilitator's handout); facilitators write them
 */
public record RoomRecord(String id, String title, RoomKind kind, AccessList access, List<String> documents,
        List<String> readOnlyDocuments, boolean archived, Instant createdAt) {

    public RoomRecord {
        documents = documents == null ? List.of() : List.copyOf(documents);
        readOnlyDocuments = readOnlyDocuments == null ? List.of() : List.copyOf(readOnlyDocuments);
    }

    /** The documents every room has. */
    public static final List<String> DEFAULT_DOCUMENTS = List.of("board", "notes", "workshop");

    public RoomRecord withAccess(AccessList a) {
        return new RoomRecord(id, title, kind, a, documents, readOnlyDocuments, archived, createdAt);
    }

    public RoomRecord withDocuments(List<String> d) {
        return new RoomRecord(id, title, kind, access, d, readOnlyDocuments, archived, createdAt);
    }

    public RoomRecord archive() {
        return new RoomRecord(id, title, kind, access, documents, readOnlyDocuments, true, createdAt);
    }
}
