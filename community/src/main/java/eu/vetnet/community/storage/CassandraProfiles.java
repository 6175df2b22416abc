package eu.vetnet.community.storage;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.community.people.Profile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/** People's profiles in Cassandra (deploy/cassandra/community.cql, {@code profiles}). */
public final class CassandraProfiles {

    private final CommunityDatabase database;
    private final JsonMapper json;

    public CassandraProfiles(CommunityDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    public CompletionStage<Profile> save(Profile p) {
        var db = database.now();
        return db.session().executeAsync(db.get("insertProfile").bind(p.id(), json.writeValueAsString(p), p.updatedAt())).thenApply(rs -> p);
    }

    /** Every profile, page by page (the directory is filled from this at start). */
    public CompletionStage<Void> forEach(Consumer<Profile> action) {
        var db = database.now();
        return page(db.session().executeAsync(db.get("selectAllProfiles").bind().setPageSize(1_000)), action);
    }

    private CompletionStage<Void> page(CompletionStage<AsyncResultSet> stage, Consumer<Profile> action) {
        return stage.thenCompose(rs -> {
            for (Row row : rs.currentPage()) {
                action.accept(json.readValue(row.getString("body"), Profile.class));
            }
            return rs.hasMorePages() ? page(rs.fetchNextPage(), action) : CompletableFuture.completedFuture(null);
        });
    }
}
