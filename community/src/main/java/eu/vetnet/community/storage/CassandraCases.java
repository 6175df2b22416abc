package eu.vetnet.community.storage;

import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.community.counselling.CounsellingCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Counselling cases in Cassandra (deploy/cassandra/community.cql): the case, and each person's list of cases. */
public final class CassandraCases {

    private final CommunityDatabase database;
    private final JsonMapper json;

    public CassandraCases(CommunityDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Writes the case; the people in {@code newPeople} get it in their list. */
    public CompletionStage<CounsellingCase> save(CounsellingCase c, List<String> newPeople) {
        var db = database.now();
        UUID id = UUID.fromString(c.id());
        List<CompletableFuture<?>> writes = new ArrayList<>();
        writes.add(db.session().executeAsync(db.get("insertCase").bind(id, json.writeValueAsString(c), c.status().name(), c.updatedAt())).toCompletableFuture());
        for (String person : newPeople) {
            writes.add(db.session().executeAsync(db.get("insertCaseByPerson").bind(person, id)).toCompletableFuture());
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(v -> c);
    }

    /** Forgets that {@code person} asked or was invited to case {@code id} (their account is deleted; it stays). */
    public CompletionStage<Void> forgetPerson(String person, String id) {
        var db = database.now();
        return db.session().executeAsync(db.get("deleteCaseByPerson").bind(person, UUID.fromString(id))).thenApply(rs -> null);
    }

    public CompletionStage<Optional<CounsellingCase>> find(String id) {
        return database.jsonById("selectCase", id, CounsellingCase.class, json);
    }

    public CompletionStage<List<CounsellingCase>> byPerson(String person, int limit) {
        return database.jsonByIndex("selectCasesByPerson", person, limit, "selectCase", CounsellingCase.class, json);
    }
}
