package eu.vetnet.community.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import eu.vetnet.storage.CassandraProperties;
import eu.vetnet.storage.CassandraSessions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The community's Cassandra session: connects in the background at start and again until it can (the server starts
 * before Cassandra is up, and answers 503 until then), applies deploy/cassandra/community.cql, prepares statements.
 */
public final class CommunityDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommunityDatabase.class);
    static final String SCHEMA_RESOURCE = "/eu/vetnet/community/storage/community.cql";

    /** The statements, by name: one place for the CQL the stores run. */
    private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();
    static {
        STATEMENTS.put("insertPractice", "INSERT INTO %s.practices (id, body, status, updated_at) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("selectPractice", "SELECT body FROM %s.practices WHERE id = ?");
        STATEMENTS.put("selectAllPractices", "SELECT body FROM %s.practices");
        STATEMENTS.put("insertVersion", "INSERT INTO %s.practice_versions (id, version, body, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)");
        STATEMENTS.put("selectVersions", "SELECT version, body, saved_by, saved_at FROM %s.practice_versions WHERE id = ? LIMIT ?");
        STATEMENTS.put("claimSlug", "INSERT INTO %s.practice_slugs (slug, id) VALUES (?, ?) IF NOT EXISTS");
        STATEMENTS.put("selectSlug", "SELECT id FROM %s.practice_slugs WHERE slug = ?");
        STATEMENTS.put("insertByAuthor", "INSERT INTO %s.practices_by_author (author, id) VALUES (?, ?)");
        STATEMENTS.put("selectByAuthor", "SELECT id FROM %s.practices_by_author WHERE author = ? LIMIT ?");
        STATEMENTS.put("insertEndorsement", "INSERT INTO %s.practice_endorsements (id, member, name, at) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("deleteEndorsement", "DELETE FROM %s.practice_endorsements WHERE id = ? AND member = ?");
        STATEMENTS.put("selectEndorsement", "SELECT member FROM %s.practice_endorsements WHERE id = ? AND member = ?");
        STATEMENTS.put("insertEndorsementByMember", "INSERT INTO %s.endorsements_by_member (member, id, at) VALUES (?, ?, ?)");
        STATEMENTS.put("deleteEndorsementByMember", "DELETE FROM %s.endorsements_by_member WHERE member = ? AND id = ?");
        STATEMENTS.put("selectEndorsementsByMember", "SELECT id, at FROM %s.endorsements_by_member WHERE member = ? LIMIT ?");
        STATEMENTS.put("countEndorsements", "SELECT count(*) FROM %s.practice_endorsements WHERE id = ?");
        STATEMENTS.put("insertProfile", "INSERT INTO %s.profiles (user_id, body, updated_at) VALUES (?, ?, ?)");
        STATEMENTS.put("selectAllProfiles", "SELECT body FROM %s.profiles");
        STATEMENTS.put("insertCase", "INSERT INTO %s.counselling_cases (id, body, status, updated_at) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("selectCase", "SELECT body FROM %s.counselling_cases WHERE id = ?");
        STATEMENTS.put("insertCaseByPerson", "INSERT INTO %s.counselling_cases_by_person (person, id) VALUES (?, ?)");
        STATEMENTS.put("selectCasesByPerson", "SELECT id FROM %s.counselling_cases_by_person WHERE person = ? LIMIT ?");
        STATEMENTS.put("insertCommunity", "INSERT INTO %s.communities (id, body, updated_at) VALUES (?, ?, ?)");
        STATEMENTS.put("selectCommunity", "SELECT body FROM %s.communities WHERE id = ?");
        STATEMENTS.put("selectAllCommunities", "SELECT body FROM %s.communities");
        STATEMENTS.put("claimCommunitySlug", "INSERT INTO %s.community_slugs (slug, id) VALUES (?, ?) IF NOT EXISTS");
        STATEMENTS.put("selectCommunitySlug", "SELECT id FROM %s.community_slugs WHERE slug = ?");
        STATEMENTS.put("insertMember", "INSERT INTO %s.community_members (community, member, role, name, joined_at) VALUES (?, ?, ?, ?, ?)");
        STATEMENTS.put("deleteMember", "DELETE FROM %s.community_members WHERE community = ? AND member = ?");
        STATEMENTS.put("selectMember", "SELECT role FROM %s.community_members WHERE community = ? AND member = ?");
        STATEMENTS.put("insertMemberCommunity", "INSERT INTO %s.member_communities (member, community, role) VALUES (?, ?, ?)");
        STATEMENTS.put("deleteMemberCommunity", "DELETE FROM %s.member_communities WHERE member = ? AND community = ?");
        STATEMENTS.put("selectMemberCommunities", "SELECT community, role FROM %s.member_communities WHERE member = ?");
        STATEMENTS.put("insertRequest", "INSERT INTO %s.community_requests (community, member, body) VALUES (?, ?, ?)");
        STATEMENTS.put("deleteRequest", "DELETE FROM %s.community_requests WHERE community = ? AND member = ?");
        STATEMENTS.put("selectRequest", "SELECT body FROM %s.community_requests WHERE community = ? AND member = ?");
        STATEMENTS.put("selectRequests", "SELECT body FROM %s.community_requests WHERE community = ? LIMIT ?");
        STATEMENTS.put("insertRequestByMember", "INSERT INTO %s.requests_by_member (member, community) VALUES (?, ?)");
        STATEMENTS.put("deleteRequestByMember", "DELETE FROM %s.requests_by_member WHERE member = ? AND community = ?");
        STATEMENTS.put("selectRequestsByMember", "SELECT community FROM %s.requests_by_member WHERE member = ? LIMIT ?");
        STATEMENTS.put("insertThread", "INSERT INTO %s.discussion_threads (id, community, body) VALUES (?, ?, ?)");
        STATEMENTS.put("selectThread", "SELECT body FROM %s.discussion_threads WHERE id = ?");
        STATEMENTS.put("insertThreadSummary", "INSERT INTO %s.community_threads (community, id, summary) VALUES (?, ?, ?)");
        STATEMENTS.put("selectThreadSummaries", "SELECT summary FROM %s.community_threads WHERE community = ? LIMIT ?");
        STATEMENTS.put("insertReply", "INSERT INTO %s.discussion_replies (thread, id, body) VALUES (?, ?, ?)");
        STATEMENTS.put("selectReply", "SELECT body FROM %s.discussion_replies WHERE thread = ? AND id = ?");
        STATEMENTS.put("insertPostByAuthor", "INSERT INTO %s.posts_by_author (author, at, thread, reply) VALUES (?, ?, ?, ?)");
        STATEMENTS.put("selectPostsByAuthor", "SELECT at, thread, reply FROM %s.posts_by_author WHERE author = ? LIMIT ?");
        STATEMENTS.put("insertFollower", "INSERT INTO %s.thread_followers (thread, member) VALUES (?, ?)");
        STATEMENTS.put("deleteFollower", "DELETE FROM %s.thread_followers WHERE thread = ? AND member = ?");
        STATEMENTS.put("selectFollower", "SELECT member FROM %s.thread_followers WHERE thread = ? AND member = ?");
        STATEMENTS.put("insertFollowByMember", "INSERT INTO %s.follows_by_member (member, thread) VALUES (?, ?)");
        STATEMENTS.put("deleteFollowByMember", "DELETE FROM %s.follows_by_member WHERE member = ? AND thread = ?");
        STATEMENTS.put("selectFollowsByMember", "SELECT thread FROM %s.follows_by_member WHERE member = ? LIMIT ?");
        STATEMENTS.put("selectFollowers", "SELECT member FROM %s.thread_followers WHERE thread = ? LIMIT ?");
        STATEMENTS.put("selectReplies", "SELECT body FROM %s.discussion_replies WHERE thread = ? LIMIT ?");
        STATEMENTS.put("insertOrganisation", "INSERT INTO %s.organisations (id, body, updated_at) VALUES (?, ?, ?)");
        STATEMENTS.put("selectAllOrganisations", "SELECT body FROM %s.organisations");
        STATEMENTS.put("insertNotification", "INSERT INTO %s.community_notifications (person, at, body) VALUES (?, ?, ?)");
        STATEMENTS.put("selectNotifications", "SELECT body FROM %s.community_notifications WHERE person = ? LIMIT ?");
        STATEMENTS.put("selectNotificationsBetween", "SELECT body FROM %s.community_notifications WHERE person = ? AND at > maxTimeuuid(?) AND at <= maxTimeuuid(?) LIMIT ?");
        STATEMENTS.put("selectDigest", "SELECT sent_until FROM %s.community_digests WHERE person = ?");
        STATEMENTS.put("claimFirstDigest", "INSERT INTO %s.community_digests (person, sent_until) VALUES (?, ?) IF NOT EXISTS");
        STATEMENTS.put("deleteDigest", "DELETE FROM %s.community_digests WHERE person = ?");
        STATEMENTS.put("deleteNotifications", "DELETE FROM %s.community_notifications WHERE person = ?");
        STATEMENTS.put("deleteProfile", "DELETE FROM %s.profiles WHERE user_id = ?");
        STATEMENTS.put("deletePostByAuthor", "DELETE FROM %s.posts_by_author WHERE author = ? AND at = ?");
        STATEMENTS.put("deletePracticeByAuthor", "DELETE FROM %s.practices_by_author WHERE author = ? AND id = ?");
        STATEMENTS.put("deleteCaseByPerson", "DELETE FROM %s.counselling_cases_by_person WHERE person = ? AND id = ?");
        STATEMENTS.put("claimPseudonym", "INSERT INTO %s.account_deletions (user_id, pseudonym_id, pseudonym_name, started_at) VALUES (?, ?, ?, ?) IF NOT EXISTS USING TTL ?");
        STATEMENTS.put("selectPseudonym", "SELECT pseudonym_id, pseudonym_name FROM %s.account_deletions WHERE user_id = ?");
        STATEMENTS.put("insertComment", "INSERT INTO %s.practice_comments (practice, id, body) VALUES (?, ?, ?)");
        STATEMENTS.put("selectComments", "SELECT body FROM %s.practice_comments WHERE practice = ? LIMIT ?");
        STATEMENTS.put("selectComment", "SELECT body FROM %s.practice_comments WHERE practice = ? AND id = ?");
        STATEMENTS.put("deleteComment", "DELETE FROM %s.practice_comments WHERE practice = ? AND id = ?");
        STATEMENTS.put("insertCommentByAuthor", "INSERT INTO %s.comments_by_author (author, id, practice) VALUES (?, ?, ?)");
        STATEMENTS.put("selectCommentsByAuthor", "SELECT id, practice FROM %s.comments_by_author WHERE author = ? LIMIT ?");
        STATEMENTS.put("deleteCommentByAuthor", "DELETE FROM %s.comments_by_author WHERE author = ? AND id = ?");
        STATEMENTS.put("claimDigest", "UPDATE %s.community_digests SET sent_until = ? WHERE person = ? IF sent_until = ?");
    }

    /** A connected session and its prepared statements. */
    public record Ready(CqlSession session, Map<String, PreparedStatement> statements) {
        public PreparedStatement get(String name) {
            PreparedStatement p = statements.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no statement " + name);
            }
            return p;
        }
    }

    private final CassandraProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "community-cassandra-connect");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Ready> ready = new CompletableFuture<>();
    private volatile boolean closed;
    private int attempts;

    public CommunityDatabase(CassandraProperties properties) {
        this.properties = properties;
    }

    public void start() {
        connect();
    }

    /** Completes once connected, the schema in place and the statements prepared. */
    public CompletableFuture<Ready> whenReady() {
        return ready;
    }

    /** The session now, or a 503 refusal while Cassandra is not reachable. */
    public Ready now() {
        Ready r = ready.getNow(null);
        if (r == null) {
            throw new StoreUnavailableException("the community store (Cassandra at " + properties.getContactPoints()
                    + ") is not reachable yet; start it with ./vetnet services start cassandra");
        }
        return r;
    }

    /**
     * One record stored as JSON in a {@code body} column, by its UUID: empty when there is no such row, or when the id
     * is not a UUID at all (a mistyped link is a 404, not an error).
     */
    public <T> CompletionStage<Optional<T>> jsonById(String statement, String id, Class<T> type, JsonMapper json) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Ready db = now();
        return db.session().executeAsync(db.get(statement).bind(uuid))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(r -> json.readValue(r.getString("body"), type)));
    }

    /**
     * The records an index partition lists (a person's practices, their cases): the ids from {@code indexStatement}
     * (bound to {@code key} and {@code limit}), each record read by {@link #jsonById} side by side.
     */
    public <T> CompletionStage<java.util.List<T>> jsonByIndex(String indexStatement, String key, int limit, String bodyStatement,
            Class<T> type, JsonMapper json) {
        Ready db = now();
        return db.session().executeAsync(db.get(indexStatement).bind(key, limit)).thenCompose(rs -> {
            java.util.List<CompletableFuture<Optional<T>>> reads = new java.util.ArrayList<>();
            for (var row : rs.currentPage()) {
                reads.add(jsonById(bodyStatement, row.getUuid("id").toString(), type, json).toCompletableFuture());
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(v -> reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        });
    }

    private void connect() {
        if (closed) {
            return;
        }
        attempts++;
        long started = System.nanoTime();
        CassandraSessions.builder(properties).buildAsync().toCompletableFuture()
                .thenCompose(s -> (properties.isCreateSchema()
                        ? CassandraSessions.apply(s, schema(), properties).toCompletableFuture()
                        : CompletableFuture.<Void>completedFuture(null))
                        .thenCompose(v -> prepare(s))
                        .whenComplete((r, e) -> {
                            if (e != null) {
                                s.closeAsync();
                            }
                        }))
                .whenComplete((r, err) -> {
                    if (err == null) {
                        log.info("community: Cassandra at {}, keyspace {}: ready in {} ms", properties.getContactPoints(),
                                properties.getKeyspace(), (System.nanoTime() - started) / 1_000_000);
                        if (closed) {
                            r.session().closeAsync();
                        } else {
                            ready.complete(r);
                        }
                        return;
                    }
                    if (attempts == 1 || attempts % 12 == 0) {
                        log.warn("community: Cassandra at {} is not reachable ({}); retrying every {} s", properties.getContactPoints(),
                                CassandraSessions.rootMessage(err), properties.getReconnectEvery().toSeconds());
                    }
                    if (!closed) {
                        timer.schedule(this::connect, properties.getReconnectEvery().toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
    }

    private CompletableFuture<Ready> prepare(CqlSession s) {
        Map<String, PreparedStatement> prepared = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (var e : STATEMENTS.entrySet()) {
            String cql = e.getValue().formatted(properties.getKeyspace());
            chain = chain.thenCompose(v -> s.prepareAsync(cql).toCompletableFuture()).thenAccept(p -> prepared.put(e.getKey(), p));
        }
        return chain.thenApply(v -> new Ready(s, Map.copyOf(prepared)));
    }

    List<String> schema() {
        try (InputStream in = CommunityDatabase.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the jar (community/pom.xml copies deploy/cassandra/community.cql)");
            }
            return CassandraSessions.scriptStatements(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    properties.getKeyspace(), properties.getReplication());
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + SCHEMA_RESOURCE, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        Ready r = ready.getNow(null);
        if (r != null) {
            r.session().close();
        }
    }
}
