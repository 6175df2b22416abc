package eu.vetnet.rooms.history;

import eu.vetnet.rooms.attendance.AttendanceConsents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Consents to list one's attendance in Cassandra: one partition per room, a row per person who agreed. */
public final class CassandraAttendanceConsents implements AttendanceConsents {

    private final Supplier<HistoryStatements> statements;

    public CassandraAttendanceConsents(Supplier<HistoryStatements> statements) {
        this.statements = statements;
    }

    @Override
    public CompletionStage<Void> set(String room, String userId, boolean consented, Instant at) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(consented
                ? s.get("insertAttendanceConsent").bind(room, userId, at).setIdempotent(true)
                : s.get("deleteAttendanceConsent").bind(room, userId).setIdempotent(true)).thenApply(rs -> (Void) null));
    }

    @Override
    public CompletionStage<Map<String, Instant>> ofRoom(String room) {
        Map<String, Instant> out = new LinkedHashMap<>();
        return HistoryStatements.with(statements, s -> HistoryDatabase.forEachRow(
                s.session().executeAsync(s.get("selectAttendanceConsents").bind(room)), row -> out.put(row.getString(0), row.getInstant(1)))
                .thenApply(v -> out));
    }
}
