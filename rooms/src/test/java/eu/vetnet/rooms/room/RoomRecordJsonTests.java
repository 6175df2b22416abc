package eu.vetnet.rooms.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Rooms are stored as JSON (CassandraRoomStore): a record written before a field existed must still load. */
class RoomRecordJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRoomStoredBeforeThePrivateNotesChoiceLoadsWithItsNotesPrivate() {
        String stored = """
                {"id":"r-1","title":"Older room","kind":"WORKSHOP","access":{"owner":"fabio","facilitators":[],"participants":["alice"],
                 "observers":[]},"documents":["board","notes","workshop"],"readOnlyDocuments":[],"archived":false,
                 "createdAt":"2026-11-01T10:00:00Z","template":"skillsGap","ownerName":"Fabio"}""";
        RoomRecord room = json.readValue(stored, RoomRecord.class);
        assertEquals("Older room", room.title());
        assertFalse(room.facilitatorsSeePrivateNotes());
    }

    @Test
    void theChoiceSurvivesARoundTrip() {
        RoomRecord room = new RoomRecord("r-2", "t", RoomKind.WORKSHOP, new AccessList("fabio", List.of(), List.of(), List.of()),
                RoomRecord.DEFAULT_DOCUMENTS, List.of(), false, Instant.parse("2026-12-01T00:00:00Z")).withFacilitatorsSeePrivateNotes(true);
        RoomRecord again = json.readValue(json.writeValueAsString(room), RoomRecord.class);
        assertTrue(again.facilitatorsSeePrivateNotes());
        assertEquals(room, again);
    }
}
