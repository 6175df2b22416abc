package eu.vetnet.learning.storage;

import eu.vetnet.learning.attendance.AttendanceRecord;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Attendance, one row per edition, calendar entry and learner (taken again: replaced). */
public final class CassandraAttendance {

    static final int MAX_RECORDS = 50_000;

    private final BackgroundSession db;
    private final JsonMapper json;

    public CassandraAttendance(BackgroundSession db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public CompletionStage<AttendanceRecord> save(AttendanceRecord r) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertAttendance").bind(UUID.fromString(r.editionId()), r.itemId(), r.learnerId(),
                json.writeValueAsString(r))).thenApply(rs -> r);
    }

    public CompletionStage<List<AttendanceRecord>> ofEdition(String editionId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectAttendance").bind(UUID.fromString(editionId), MAX_RECORDS)).thenCompose(rs -> {
            List<AttendanceRecord> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(json.readValue(row.getString("body"), AttendanceRecord.class))).thenApply(v -> out);
        });
    }
}
