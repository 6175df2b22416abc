package eu.vetnet.learning.attendance;

import eu.vetnet.learning.programmes.Person;
import java.time.Instant;

/**
 * A learner's attendance at one calendar entry (docs/learning.md, "Attendance").
 *
 * @param minutes how long they were there: read from the room's history for a live session, the session's length for
 *                a check-in
 */
public record AttendanceRecord(String editionId, String itemId, String learnerId, String name, long minutes, Source source,
        Person recordedBy, Instant at) {

    /** Where the minutes come from. */
    public enum Source { ROOM_HISTORY, CHECK_IN }
}
