package eu.vetnet.rooms.history;

import eu.vetnet.rooms.dossier.Schedules;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Session schedules in Cassandra: the room's own in {@code room_schedules}, indexed by the day (UTC) it ends in
 * {@code scheduled_ends}; {@code automatic_dossiers} claimed IF NOT EXISTS, so one host assembles each.
 */
public final class CassandraSchedules implements Schedules {

    private final Supplier<HistoryStatements> statements;

    public CassandraSchedules(Supplier<HistoryStatements> statements) {
        this.statements = statements;
    }

    @Override
    public CompletionStage<Void> put(Schedule schedule) {
        return of(schedule.room()).thenCompose(before -> HistoryStatements.with(statements, s -> {
            CompletionStage<?> removed = before.isEmpty() || before.get().endsAt().equals(schedule.endsAt()) ? CompletableFuture.completedFuture(null)
                    : s.session().executeAsync(s.get("deleteScheduledEnd").bind(day(before.get().endsAt()), before.get().endsAt(), schedule.room()));
            return removed.thenCompose(v -> s.session().executeAsync(s.get("insertRoomSchedule").bind(schedule.room(), schedule.startsAt(), schedule.endsAt())))
                    .thenCompose(v -> s.session().executeAsync(s.get("insertScheduledEnd")
                            .bind(day(schedule.endsAt()), schedule.endsAt(), schedule.room(), schedule.startsAt())))
                    .thenApply(v -> (Void) null);
        }));
    }

    @Override
    public CompletionStage<Optional<Schedule>> of(String room) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectRoomSchedule").bind(room))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> new Schedule(room, row.getInstant(0), row.getInstant(1)))));
    }

    @Override
    public CompletionStage<List<Schedule>> endedBetween(Instant from, Instant to) {
        List<Schedule> out = new ArrayList<>();
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (int day = day(from); day <= day(to); day++) {
            int d = day;
            chain = chain.thenCompose(v -> HistoryStatements.with(statements, s -> HistoryDatabase.forEachRow(
                    s.session().executeAsync(s.get("selectScheduledEnds").bind(d, from, to)),
                    row -> out.add(new Schedule(row.getString(1), row.getInstant(2), row.getInstant(0))))));
        }
        return chain.thenApply(v -> out);
    }

    @Override
    public CompletionStage<Boolean> claim(String room, Instant endsAt) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("claimAutomaticDossier").bind(room, endsAt, Instant.now()))
                .thenApply(rs -> rs.wasApplied()));
    }

    private static int day(Instant at) {
        return (int) at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }
}
