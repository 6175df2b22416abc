package eu.vetnet.learning.storage;

import eu.vetnet.learning.records.Result;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Learners' results, one row per learner, programme and module. */
public final class CassandraResults {

    static final int MAX_RESULTS = 5_000;

    private final BackgroundSession db;
    private final JsonMapper json;

    public CassandraResults(BackgroundSession db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public CompletionStage<Result> save(String learnerId, Result r) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertResult").bind(learnerId, UUID.fromString(r.programmeId()), r.moduleId(),
                json.writeValueAsString(r))).thenApply(rs -> r);
    }

    public CompletionStage<List<Result>> of(String learnerId) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectResults").bind(learnerId, MAX_RESULTS)).thenCompose(rs -> {
            List<Result> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(json.readValue(row.getString("body"), Result.class))).thenApply(v -> out);
        });
    }
}
