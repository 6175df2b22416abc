package eu.vetnet.community.storage;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.community.library.Practice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/** The library's practices in Cassandra (deploy/cassandra/community.cql): the current row, every version, the slugs. */
public final class CassandraPractices {

    /** A saved version: what it was and who saved it when. */
    public record Version(int version, Practice practice, String savedBy, Instant savedAt) {
    }

    private final CommunityDatabase database;
    private final JsonMapper json;

    public CassandraPractices(CommunityDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Takes a public name for a practice: false when another practice has it. */
    public CompletionStage<Boolean> claimSlug(String slug, String id) {
        var db = database.now();
        return db.session().executeAsync(db.get("claimSlug").bind(slug, UUID.fromString(id))).thenApply(AsyncResultSet::wasApplied);
    }

    /** Writes the practice as it now is and keeps the version; new authors get it in their list. */
    public CompletionStage<Practice> save(Practice p, String savedBy, List<String> newAuthors) {
        var db = database.now();
        UUID id = UUID.fromString(p.id());
        String body = json.writeValueAsString(p);
        CompletableFuture<?>[] writes = new CompletableFuture<?>[2 + newAuthors.size()];
        writes[0] = db.session().executeAsync(db.get("insertPractice").bind(id, body, p.status().name(), p.updatedAt())).toCompletableFuture();
        writes[1] = db.session().executeAsync(db.get("insertVersion").bind(id, p.version(), body, savedBy, p.updatedAt())).toCompletableFuture();
        for (int i = 0; i < newAuthors.size(); i++) {
            writes[2 + i] = db.session().executeAsync(db.get("insertByAuthor").bind(newAuthors.get(i), id)).toCompletableFuture();
        }
        return CompletableFuture.allOf(writes).thenApply(v -> p);
    }

    /** Rewrites one stored version as it was saved, but for who is credited (an account deleted: its pseudonym). */
    public CompletionStage<Void> rewriteVersion(Version v, String savedBy) {
        var db = database.now();
        Practice p = v.practice();
        return db.session().executeAsync(db.get("insertVersion").bind(UUID.fromString(p.id()), v.version(), json.writeValueAsString(p),
                savedBy, v.savedAt())).thenApply(rs -> null);
    }

    /** Forgets that {@code author} writes practice {@code id} (their account is deleted; it stays, under a pseudonym). */
    public CompletionStage<Void> forgetAuthor(String author, String id) {
        var db = database.now();
        return db.session().executeAsync(db.get("deletePracticeByAuthor").bind(author, UUID.fromString(id))).thenApply(rs -> null);
    }

    /** Rewrites the current row only (endorsement counts: not a new version of what the authors wrote). */
    public CompletionStage<Practice> saveCurrent(Practice p) {
        var db = database.now();
        return db.session().executeAsync(db.get("insertPractice").bind(UUID.fromString(p.id()), json.writeValueAsString(p),
                p.status().name(), p.updatedAt())).thenApply(rs -> p);
    }

    public CompletionStage<Optional<Practice>> find(String id) {
        return database.jsonById("selectPractice", id, Practice.class, json);
    }

    public CompletionStage<Optional<Practice>> findBySlug(String slug) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectSlug").bind(slug)).thenCompose(rs -> {
            Row row = rs.one();
            return row == null ? CompletableFuture.completedFuture(Optional.<Practice>empty()) : find(row.getUuid("id").toString());
        });
    }

    /** The practices {@code author} wrote or co-writes, at most {@code limit}. */
    public CompletionStage<List<Practice>> byAuthor(String author, int limit) {
        return database.jsonByIndex("selectByAuthor", author, limit, "selectPractice", Practice.class, json);
    }

    public CompletionStage<List<Version>> versions(String id, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectVersions").bind(UUID.fromString(id), limit)).thenApply(rs -> {
            List<Version> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(new Version(row.getInt("version"), read(row.getString("body")), row.getString("saved_by"), row.getInstant("saved_at")));
            }
            return out;
        });
    }

    public CompletionStage<Boolean> endorses(String id, String member) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectEndorsement").bind(UUID.fromString(id), member)).thenApply(rs -> rs.one() != null);
    }

    /** Records (or withdraws) a member's endorsement, also under the member, and answers how many there now are. */
    public CompletionStage<Integer> endorse(String id, String member, String name, boolean endorse, Instant at) {
        var db = database.now();
        UUID uuid = UUID.fromString(id);
        var write = endorse ? db.get("insertEndorsement").bind(uuid, member, name, at) : db.get("deleteEndorsement").bind(uuid, member);
        var mine = endorse ? db.get("insertEndorsementByMember").bind(member, uuid, at) : db.get("deleteEndorsementByMember").bind(member, uuid);
        return CompletableFuture.allOf(db.session().executeAsync(write).toCompletableFuture(), db.session().executeAsync(mine).toCompletableFuture())
                .thenCompose(v -> db.session().executeAsync(db.get("countEndorsements").bind(uuid)))
                .thenApply(rs -> (int) rs.one().getLong(0));
    }

    /** A practice a member endorses, and when. */
    public record Endorsed(String practiceId, Instant at) {
    }

    /** The practices {@code member} endorses (at most {@code limit}). */
    public CompletionStage<List<Endorsed>> endorsedBy(String member, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectEndorsementsByMember").bind(member, limit)).thenApply(rs -> {
            List<Endorsed> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(new Endorsed(row.getUuid("id").toString(), row.getInstant("at")));
            }
            return out;
        });
    }

    /** Every practice, page by page (the search index is built from this at start). */
    public CompletionStage<Void> forEach(Consumer<Practice> action, java.util.concurrent.Executor executor) {
        var db = database.now();
        return forEachRow(db.session().executeAsync(db.get("selectAllPractices").bind().setPageSize(1_000)), action, executor);
    }

    /** Each page handed to {@code action} on {@code executor} (not the driver's I/O thread), the next one fetched after. */
    private CompletionStage<Void> forEachRow(CompletionStage<AsyncResultSet> page, Consumer<Practice> action, java.util.concurrent.Executor executor) {
        return page.thenComposeAsync(rs -> {
            for (Row row : rs.currentPage()) {
                action.accept(read(row.getString("body")));
            }
            return rs.hasMorePages() ? forEachRow(rs.fetchNextPage(), action, executor) : CompletableFuture.completedFuture(null);
        }, executor);
    }

    private Practice read(String body) {
        return json.readValue(body, Practice.class);
    }
}
