package eu.vetnet.community.storage;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.community.communities.Community;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/** Communities, their members and join requests in Cassandra (deploy/cassandra/community.cql). */
public final class CassandraCommunities {

    /** A request to join: who, and what they wrote to the moderators. */
    public record Request(Community.Person person, String username, String message, Instant at) {
    }

    private final CommunityDatabase database;
    private final JsonMapper json;

    public CassandraCommunities(CommunityDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    public CompletionStage<Boolean> claimSlug(String slug, String id) {
        var db = database.now();
        return db.session().executeAsync(db.get("claimCommunitySlug").bind(slug, UUID.fromString(id))).thenApply(AsyncResultSet::wasApplied);
    }

    public CompletionStage<Community> save(Community c) {
        var db = database.now();
        return db.session().executeAsync(db.get("insertCommunity").bind(UUID.fromString(c.id()), json.writeValueAsString(c), c.updatedAt()))
                .thenApply(rs -> c);
    }

    public CompletionStage<Optional<Community>> bySlug(String slug) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectCommunitySlug").bind(slug)).thenCompose(rs -> {
            Row row = rs.one();
            if (row == null) {
                return CompletableFuture.completedFuture(Optional.<Community>empty());
            }
            return db.session().executeAsync(db.get("selectCommunity").bind(row.getUuid("id")))
                    .thenApply(r -> Optional.ofNullable(r.one()).map(x -> json.readValue(x.getString("body"), Community.class)));
        });
    }

    public CompletionStage<Void> forEach(Consumer<Community> action) {
        var db = database.now();
        return page(db.session().executeAsync(db.get("selectAllCommunities").bind().setPageSize(500)),
                row -> action.accept(json.readValue(row.getString("body"), Community.class)));
    }

    /** The member's role in the community, if a member. */
    public CompletionStage<Optional<Community.Role>> role(String community, String member) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectMember").bind(UUID.fromString(community), member))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(r -> Community.Role.valueOf(r.getString("role"))));
    }

    /** Every community the person belongs to, with their role. */
    public CompletionStage<Map<String, Community.Role>> rolesOf(String member) {
        var db = database.now();
        Map<String, Community.Role> out = new HashMap<>();
        return page(db.session().executeAsync(db.get("selectMemberCommunities").bind(member)),
                row -> out.put(row.getUuid("community").toString(), Community.Role.valueOf(row.getString("role")))).thenApply(v -> out);
    }

    public CompletionStage<Void> addMember(String community, Community.Person person, Community.Role role, Instant at) {
        var db = database.now();
        UUID c = UUID.fromString(community);
        return CompletableFuture.allOf(
                db.session().executeAsync(db.get("insertMember").bind(c, person.id(), role.name(), person.name(), at)).toCompletableFuture(),
                db.session().executeAsync(db.get("insertMemberCommunity").bind(person.id(), c, role.name())).toCompletableFuture(),
                dropRequest(community, person.id()).toCompletableFuture());
    }

    public CompletionStage<Void> removeMember(String community, String member) {
        var db = database.now();
        UUID c = UUID.fromString(community);
        return CompletableFuture.allOf(
                db.session().executeAsync(db.get("deleteMember").bind(c, member)).toCompletableFuture(),
                db.session().executeAsync(db.get("deleteMemberCommunity").bind(member, c)).toCompletableFuture(),
                dropRequest(community, member).toCompletableFuture());
    }

    /** Records a request to join, also under the member (what they wait on is part of their own data). */
    public CompletionStage<Void> request(String community, Request r) {
        var db = database.now();
        UUID c = UUID.fromString(community);
        return CompletableFuture.allOf(
                db.session().executeAsync(db.get("insertRequest").bind(c, r.person().id(), json.writeValueAsString(r))).toCompletableFuture(),
                db.session().executeAsync(db.get("insertRequestByMember").bind(r.person().id(), c)).toCompletableFuture());
    }

    /** The ids of the communities {@code member} asked to join and is still waiting on (at most {@code limit}). */
    public CompletionStage<List<String>> requestedBy(String member, int limit) {
        var db = database.now();
        List<String> out = new ArrayList<>();
        return page(db.session().executeAsync(db.get("selectRequestsByMember").bind(member, limit)),
                row -> out.add(row.getUuid("community").toString())).thenApply(v -> out);
    }

    public CompletionStage<Optional<Request>> requestOf(String community, String member) {
        var db = database.now();
        return db.session().executeAsync(db.get("selectRequest").bind(UUID.fromString(community), member))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(r -> json.readValue(r.getString("body"), Request.class)));
    }

    public CompletionStage<Void> dropRequest(String community, String member) {
        var db = database.now();
        UUID c = UUID.fromString(community);
        return CompletableFuture.allOf(
                db.session().executeAsync(db.get("deleteRequest").bind(c, member)).toCompletableFuture(),
                db.session().executeAsync(db.get("deleteRequestByMember").bind(member, c)).toCompletableFuture());
    }

    public CompletionStage<List<Request>> requests(String community, int limit) {
        var db = database.now();
        List<Request> out = new ArrayList<>();
        return page(db.session().executeAsync(db.get("selectRequests").bind(UUID.fromString(community), limit)),
                row -> out.add(json.readValue(row.getString("body"), Request.class))).thenApply(v -> out);
    }

    private static CompletionStage<Void> page(CompletionStage<AsyncResultSet> stage, Consumer<Row> action) {
        return stage.thenCompose(rs -> {
            for (Row row : rs.currentPage()) {
                action.accept(row);
            }
            return rs.hasMorePages() ? page(rs.fetchNextPage(), action) : CompletableFuture.completedFuture(null);
        });
    }
}
