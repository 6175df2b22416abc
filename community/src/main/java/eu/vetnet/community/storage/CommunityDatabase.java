package eu.vetnet.community.storage;

import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.CassandraProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The community's Cassandra session ({@link BackgroundSession}: answers 503 until Cassandra is reachable), with
 * deploy/cassandra/community.cql and the statements the community's stores run.
 */
public final class CommunityDatabase implements AutoCloseable {

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

    private final BackgroundSession session;

    public CommunityDatabase(CassandraProperties properties) {
        this.session = new BackgroundSession("community", properties, CommunityDatabase.class, SCHEMA_RESOURCE, STATEMENTS,
                StoreUnavailableException::new);
    }

    /** Observes requests made inside an HTTP request's observation; before {@link #start}. */
    public void observeWith(io.micrometer.observation.ObservationRegistry observations) {
        session.observeWith(observations);
    }

    public void start() {
        session.start();
    }

    /** Completes once connected, the schema in place and the statements prepared. */
    public CompletableFuture<BackgroundSession.Ready> whenReady() {
        return session.whenReady();
    }

    /** The session now, or a 503 refusal while Cassandra is not reachable. */
    public BackgroundSession.Ready now() {
        return session.now();
    }

    /**
     * One record stored as JSON in a {@code body} column, by its UUID: empty when there is no such row, or when the id
     * is not a UUID at all (a mistyped link is a 404, not an error).
     */
    public <T> CompletionStage<Optional<T>> jsonById(String statement, String id, Class<T> type, JsonMapper json) {
        return session.oneById(statement, id, row -> json.readValue(row.getString("body"), type));
    }

    /**
     * The records an index partition lists (a person's practices, their cases): the ids from {@code indexStatement}
     * (bound to {@code key} and {@code limit}), each record read by {@link #jsonById} side by side.
     */
    public <T> CompletionStage<List<T>> jsonByIndex(String indexStatement, String key, int limit, String bodyStatement,
            Class<T> type, JsonMapper json) {
        return session.manyByIndex(indexStatement, key, limit, bodyStatement, row -> json.readValue(row.getString("body"), type));
    }

    List<String> schema() {
        return session.schema();
    }

    @Override
    public void close() {
        session.close();
    }
}
