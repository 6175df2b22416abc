package eu.vetnet.community.storage;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import eu.vetnet.community.library.PracticeComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Comments on practices in Cassandra ({@code practice_comments}, {@code comments_by_author}). */
public final class CassandraComments {

    /** Where a member commented: the practice and the comment, newest first. */
    public record Written(String practiceId, String commentId) {
    }

    private final CommunityDatabase database;
    private final JsonMapper json;

    public CassandraComments(CommunityDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** A new comment's id: time-based, so a practice's comments read oldest first. */
    public static String newId() {
        return Uuids.timeBased().toString();
    }

    /** Writes the comment, and under its author unless {@code indexed} is false (a rewrite of one already indexed). */
    public CompletionStage<PracticeComment> save(PracticeComment c, boolean indexed) {
        var db = database.now();
        UUID practice = UUID.fromString(c.practiceId());
        UUID id = UUID.fromString(c.id());
        CompletableFuture<?> body = db.session().executeAsync(db.get("insertComment").bind(practice, id, json.writeValueAsString(c)))
                .toCompletableFuture();
        CompletableFuture<?> index = indexed
                ? db.session().executeAsync(db.get("insertCommentByAuthor").bind(c.author().id(), id, practice)).toCompletableFuture()
                : CompletableFuture.completedFuture(null);
        return CompletableFuture.allOf(body, index).thenApply(v -> c);
    }

    public CompletionStage<List<PracticeComment>> of(String practiceId, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectComments").bind(UUID.fromString(practiceId), limit)).thenApply(rs -> {
            List<PracticeComment> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(json.readValue(row.getString("body"), PracticeComment.class));
            }
            return out;
        });
    }

    /** The comment, or empty (also for ids that are no UUIDs: a mistyped link is a 404). */
    public CompletionStage<Optional<PracticeComment>> find(String practiceId, String id) {
        UUID practice;
        UUID comment;
        try {
            practice = UUID.fromString(practiceId);
            comment = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        var db = database.now();
        return db.session().executeAsync(db.get("selectComment").bind(practice, comment))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(r -> json.readValue(r.getString("body"), PracticeComment.class)));
    }

    public CompletionStage<Void> delete(PracticeComment c) {
        var db = database.now();
        UUID id = UUID.fromString(c.id());
        return CompletableFuture.allOf(
                db.session().executeAsync(db.get("deleteComment").bind(UUID.fromString(c.practiceId()), id)).toCompletableFuture(),
                db.session().executeAsync(db.get("deleteCommentByAuthor").bind(c.author().id(), id)).toCompletableFuture());
    }

    /** Where {@code author} commented, newest first (at most {@code limit}). */
    public CompletionStage<List<Written>> by(String author, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectCommentsByAuthor").bind(author, limit)).thenApply(rs -> {
            List<Written> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(new Written(row.getUuid("practice").toString(), row.getUuid("id").toString()));
            }
            return out;
        });
    }

    /** Forgets that {@code author} wrote this comment (their account is deleted; it stays, under a pseudonym). */
    public CompletionStage<Void> forget(String author, Written w) {
        var db = database.now();
        return db.session().executeAsync(db.get("deleteCommentByAuthor").bind(author, UUID.fromString(w.commentId()))).thenApply(rs -> null);
    }
}
