package eu.vetnet.rooms.attendance;

import eu.vetnet.rooms.export.RoomData;
import eu.vetnet.rooms.history.SessionEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room's attendance as a table (docs/rooms.md, "Attendance"): for each session, each person who agreed to be listed,
 * when they first joined and last left, and for how many minutes. Everyone else is left out, not even counted by
 * name. Read from the sessions of the history (a session cut across pages comes in parts under one start: merged).
 */
public final class Attendance {

    public static final List<String> COLUMNS = List.of("name", "session", "sessionStartedAt", "joinedAt", "leftAt", "minutes");

    private Attendance() {
    }

    /** @param names the room's names directory (user id → the name of their latest join), which wins over a session's */
    public static RoomData.Table table(List<SessionEvents.Session> sessions, Set<String> consented, Map<String, String> names, Instant now) {
        Map<Instant, List<SessionEvents.Session>> byStart = new LinkedHashMap<>();
        for (SessionEvents.Session s : sessions) {
            byStart.computeIfAbsent(s.startedAt(), k -> new ArrayList<>()).add(s);
        }
        List<List<Object>> rows = new ArrayList<>();
        int number = 0;
        for (List<SessionEvents.Session> parts : byStart.values()) {
            number++;
            SessionEvents.Session last = parts.get(parts.size() - 1);
            Map<String, Object[]> people = new LinkedHashMap<>();
            for (SessionEvents.Session part : parts) {
                boolean lastPart = part == last;
                for (SessionEvents.Participant p : part.participants()) {
                    if (!consented.contains(p.userId())) {
                        continue;
                    }
                    Object[] row = people.computeIfAbsent(p.userId(), k -> new Object[] {names.getOrDefault(p.userId(), p.name()), null, null, Boolean.FALSE});
                    Instant joined = p.joinedAt() == null ? part.startedAt() : p.joinedAt();
                    if (row[1] == null || joined.isBefore((Instant) row[1])) {
                        row[1] = joined;
                    }
                    if (lastPart && p.leftAt() == null) {
                        row[3] = Boolean.TRUE;
                    } else if (p.leftAt() != null && (row[2] == null || p.leftAt().isAfter((Instant) row[2]))) {
                        row[2] = p.leftAt();
                    }
                }
            }
            for (Object[] row : people.values()) {
                Instant joined = (Instant) row[1];
                Instant left = Boolean.TRUE.equals(row[3]) ? last.endedAt() : (Instant) row[2];
                Instant until = left != null ? left : now;
                rows.add(List.of(row[0] == null ? "" : row[0], number, last.startedAt().toString(), joined.toString(), left == null ? "" : left.toString(),
                        Math.max(0, Duration.between(joined, until).toMinutes())));
            }
        }
        rows.sort(Comparator.comparing((List<Object> r) -> (Integer) r.get(1)).thenComparing(r -> (String) r.get(0)));
        return new RoomData.Table(COLUMNS, rows);
    }
}
