package eu.vetnet.rooms.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.rooms.export.RoomData;
import eu.vetnet.rooms.history.SessionEvents.Participant;
import eu.vetnet.rooms.history.SessionEvents.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attendance table: only those who agreed, each session's stretch merged across a session's parts. */
class AttendanceTests {

    private static final Instant T = Instant.parse("2026-05-04T09:00:00Z");

    private static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    @Test
    void onlyThoseWhoAgreedAreListedWithTheirStretchOfEachSession() {
        Participant alice = new Participant("a-1", "alice", "Alice", "participant", at(5), at(50));
        Participant bruno = new Participant("b-1", "bruno", "Bruno", "participant", at(0), null);
        Session morning = new Session(T, at(60), List.of(alice, bruno), false);
        // The afternoon came in two parts (a page ended inside it): alice's stretch spans both, she is still there.
        Session afternoonA = new Session(at(240), null, List.of(new Participant("a-1", "alice", "Alice", "participant", at(245), at(260))), true);
        Session afternoonB = new Session(at(240), null, List.of(new Participant("a-1", "alice", "Alice", "participant", at(270), null)), true);
        RoomData.Table table = Attendance.table(List.of(morning, afternoonA, afternoonB), Set.of("a-1"), Map.of(), at(300));
        assertThat(table.columns()).isEqualTo(Attendance.COLUMNS);
        assertThat(table.rows()).containsExactly(
                List.of("Alice", 1, T.toString(), at(5).toString(), at(50).toString(), 45L),
                List.of("Alice", 2, at(240).toString(), at(245).toString(), "", 55L));
        assertThat(Attendance.table(List.of(morning), Set.of(), Map.of(), at(300)).rows()).isEmpty();
        // Bruno, still there when the morning's session ended: he left with it; named as the names directory has him now.
        assertThat(Attendance.table(List.of(morning), Set.of("b-1"), Map.of("b-1", "Bruno Carpenter"), at(300)).rows())
                .containsExactly(List.of("Bruno Carpenter", 1, T.toString(), T.toString(), at(60).toString(), 60L));
    }
}
