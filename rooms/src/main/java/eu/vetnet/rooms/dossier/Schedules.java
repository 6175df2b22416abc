package eu.vetnet.rooms.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * When a room's session is scheduled (docs/rooms.md, "Session dossier"): once its end has passed and the room is
 * empty, the server assembles the dossier by itself ({@link AutomaticDossiers}). Kept in Cassandra
 * (history/CassandraSchedules), indexed by the day the session ends so the sweep reads only what just ended.
 */
public interface Schedules {

    record Schedule(String room, Instant startsAt, Instant endsAt) {
    }

    /** Sets the room's schedule, replacing the one it had. */
    CompletionStage<Void> put(Schedule schedule);

    CompletionStage<Optional<Schedule>> of(String room);

    /** The schedules that ended in [from, to), oldest first. */
    CompletionStage<List<Schedule>> endedBetween(Instant from, Instant to);

    /** Claims the automatic dossier of the session that ends at {@code endsAt}: true for the one host that gets it. */
    CompletionStage<Boolean> claim(String room, Instant endsAt);
}
