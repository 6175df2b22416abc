package eu.vetnet.rooms.room;

import java.time.Instant;
import java.util.List;

/**
 * A co-design room as stored and served by {@code /api/rooms}.
 *
 * @param readOnlyDocuments documents participants may only read (a facilitator's handout); facilitators write them
 * @param template the template the room was created from (the app's id, such as {@code skillsGap}), or null
 * @param ownerName the owner's display name when the room was created (for lists), or null once handed over
 * @param facilitatorsSeePrivateNotes whether the room's facilitators may read (never write) everyone's private notes
 *     before the reveal (docs/dialogue.md, "Private ideation"); off unless a facilitator chooses it, and said to all
 */
public record RoomRecord(String id, String title, RoomKind kind, AccessList access, List<String> documents,
        List<String> readOnlyDocuments, boolean archived, Instant createdAt, String template, String ownerName,
        Boolean facilitatorsSeePrivateNotes) {

    public RoomRecord {
        documents = documents == null ? List.of() : List.copyOf(documents);
        readOnlyDocuments = readOnlyDocuments == null ? List.of() : List.copyOf(readOnlyDocuments);
        // Rooms stored before the choice existed have no such field: their notes stay private.
        facilitatorsSeePrivateNotes = Boolean.TRUE.equals(facilitatorsSeePrivateNotes);
    }

    /** A room without template or owner name (rooms made by code and tests). */
    public RoomRecord(String id, String title, RoomKind kind, AccessList access, List<String> documents,
            List<String> readOnlyDocuments, boolean archived, Instant createdAt) {
        this(id, title, kind, access, documents, readOnlyDocuments, archived, createdAt, null, null, false);
    }

    /** A new room: private notes private. */
    public RoomRecord(String id, String title, RoomKind kind, AccessList access, List<String> documents,
            List<String> readOnlyDocuments, boolean archived, Instant createdAt, String template, String ownerName) {
        this(id, title, kind, access, documents, readOnlyDocuments, archived, createdAt, template, ownerName, false);
    }

    /** The documents every room has. */
    public static final List<String> DEFAULT_DOCUMENTS = List.of("board", "notes", "workshop");
    /** The whiteboard's document and the shared text's, as every reader of a room's content names them. */
    public static final String BOARD = "board";
    public static final String NOTES = "notes";

    /** This room with another access list; a new owner's name is not known here, so it is dropped then. */
    public RoomRecord withAccess(AccessList a) {
        String name = java.util.Objects.equals(a.owner(), access.owner()) ? ownerName : null;
        return new RoomRecord(id, title, kind, a, documents, readOnlyDocuments, archived, createdAt, template, name,
                facilitatorsSeePrivateNotes);
    }

    public RoomRecord withDocuments(List<String> d) {
        return new RoomRecord(id, title, kind, access, d, readOnlyDocuments, archived, createdAt, template, ownerName,
                facilitatorsSeePrivateNotes);
    }

    public RoomRecord archive() {
        return new RoomRecord(id, title, kind, access, documents, readOnlyDocuments, true, createdAt, template, ownerName,
                facilitatorsSeePrivateNotes);
    }

    public RoomRecord withFacilitatorsSeePrivateNotes(boolean see) {
        return new RoomRecord(id, title, kind, access, documents, readOnlyDocuments, archived, createdAt, template, ownerName, see);
    }
}
