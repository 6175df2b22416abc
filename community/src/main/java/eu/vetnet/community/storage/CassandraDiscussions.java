package eu.vetnet.community.storage;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import eu.vetnet.community.discussions.DiscussionThread;
import eu.vetnet.community.discussions.Reply;
import eu.vetnet.community.discussions.ThreadSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Discussions in Cassandra: each thread, its summary in its community's list, its replies in order. */
public final class CassandraDiscussions {

    private final CommunityDatabase database;
    private final JsonMapper json;

    public CassandraDiscussions(CommunityDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** A new reply id: time-based, so the partition reads in writing order. */
    public static String newReplyId() {
        return Uuids.timeBased().toString();
    }

    /** Writes the thread and its summary (both change with each reply and each moderation). */
    public CompletionStage<DiscussionThread> save(DiscussionThread t) {
        var db = database.now();
        UUID id = UUID.fromString(t.id());
        UUID community = UUID.fromString(t.communityId());
        return CompletableFuture.allOf(
                db.session().executeAsync(db.get("insertThread").bind(id, community, json.writeValueAsString(t))).toCompletableFuture(),
                db.session().executeAsync(db.get("insertThreadSummary").bind(community, id, json.writeValueAsString(t.summary()))).toCompletableFuture())
                .thenApply(v -> t);
    }

    public CompletionStage<Optional<DiscussionThread>> find(String id) {
        return database.jsonById("selectThread", id, DiscussionThread.class, json);
    }

    /** Records that {@code author} wrote in {@code thread} (a reply, or its opening post when {@code reply} is null). */
    public CompletionStage<Void> wrote(String author, String thread, String reply) {
        var db = database.now();
        UUID at = reply == null ? Uuids.timeBased() : UUID.fromString(reply);
        return db.session().executeAsync(db.get("insertPostByAuthor").bind(author, at, UUID.fromString(thread),
                reply == null ? null : UUID.fromString(reply))).thenApply(rs -> null);
    }

    /** Forgets that {@code author} wrote {@code post} (their account is deleted; the post stays, under a pseudonym). */
    public CompletionStage<Void> forgetPost(String author, Post post) {
        var db = database.now();
        return db.session().executeAsync(db.get("deletePostByAuthor").bind(author, post.at())).thenApply(rs -> null);
    }

    /** Where a member wrote: a thread, and the reply (null for the thread's opening post); {@code at} keys the index row. */
    public record Post(String thread, String reply, UUID at) {
    }

    /** What {@code author} wrote, newest first (at most {@code limit}). */
    public CompletionStage<List<Post>> postsBy(String author, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectPostsByAuthor").bind(author, limit)).thenApply(rs -> {
            List<Post> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                UUID reply = row.getUuid("reply");
                out.add(new Post(row.getUuid("thread").toString(), reply == null ? null : reply.toString(), row.getUuid("at")));
            }
            return out;
        });
    }

    public CompletionStage<Optional<Reply>> reply(String thread, String id) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectReply").bind(UUID.fromString(thread), UUID.fromString(id)))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> json.readValue(row.getString("body"), Reply.class)));
    }

    /** Starts (or stops) {@code member} following {@code thread}; kept under both (the member's own data lists it). */
    public CompletionStage<Void> follow(String thread, String member, boolean follow) {
        var db = database.now();
        UUID t = UUID.fromString(thread);
        var followers = follow ? db.get("insertFollower").bind(t, member) : db.get("deleteFollower").bind(t, member);
        var mine = follow ? db.get("insertFollowByMember").bind(member, t) : db.get("deleteFollowByMember").bind(member, t);
        return CompletableFuture.allOf(db.session().executeAsync(followers).toCompletableFuture(),
                db.session().executeAsync(mine).toCompletableFuture());
    }

    /** The discussions {@code member} follows (at most {@code limit}). */
    public CompletionStage<List<String>> followedBy(String member, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectFollowsByMember").bind(member, limit)).thenApply(rs -> {
            List<String> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(row.getUuid("thread").toString());
            }
            return out;
        });
    }

    public CompletionStage<Boolean> follows(String thread, String member) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectFollower").bind(UUID.fromString(thread), member)).thenApply(rs -> rs.one() != null);
    }

    /** Who follows {@code thread} (at most {@code limit}). */
    public CompletionStage<List<String>> followers(String thread, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectFollowers").bind(UUID.fromString(thread), limit)).thenApply(rs -> {
            List<String> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(row.getString("member"));
            }
            return out;
        });
    }

    public CompletionStage<List<ThreadSummary>> summaries(String community, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectThreadSummaries").bind(UUID.fromString(community), limit)).thenApply(rs -> {
            List<ThreadSummary> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(json.readValue(row.getString("summary"), ThreadSummary.class));
            }
            return out;
        });
    }

    public CompletionStage<Reply> saveReply(Reply r) {
        var db = database.now();
        return db.session().executeAsync(db.get("insertReply").bind(UUID.fromString(r.threadId()), UUID.fromString(r.id()), json.writeValueAsString(r)))
                .thenApply(rs -> r);
    }

    public CompletionStage<List<Reply>> replies(String thread, int limit) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectReplies").bind(UUID.fromString(thread), limit)).thenApply(rs -> {
            List<Reply> out = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                out.add(json.readValue(row.getString("body"), Reply.class));
            }
            return out;
        });
    }
}
