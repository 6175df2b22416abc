package eu.vetnet.rooms.attendance;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Who agreed that their attendance of a room is listed (docs/rooms.md, "Attendance"): kept per room and person,
 * withdrawn by deleting it (history/CassandraAttendanceConsents).
 */
public interface AttendanceConsents {

    /** Records (or withdraws, with {@code consented} false) this person's consent for the room. */
    CompletionStage<Void> set(String room, String userId, boolean consented, Instant at);

    /** The room's consents: user id → when they agreed. */
    CompletionStage<Map<String, Instant>> ofRoom(String room);
}
