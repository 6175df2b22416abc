package eu.vetnet.rooms.history;

import eu.vetnet.rooms.followup.Inbox;
import eu.vetnet.rooms.followup.Proposal;
import eu.vetnet.rooms.followup.ProposalStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proposals, notifications and contact addresses in Cassandra (docs/dialogue.md, "Follow-up"): a proposal as JSON
 * in {@code proposals}, found by room and by addressee through two index tables; notifications newest first per
 * person; one address per person.
 */
public final class CassandraFollowUp implements ProposalStore, Inbox {

    private final Supplier<HistoryStatements> statements;
    private final JsonMapper json;

    public CassandraFollowUp(Supplier<HistoryStatements> statements, JsonMapper json) {
        this.statements = statements;
        this.json = json;
    }

    @Override
    public CompletionStage<Proposal> save(Proposal p) {
        return HistoryStatements.with(statements, s -> s.session()
                .executeAsync(s.get("insertProposal").bind(p.id(), p.room(), p.addressee(), json.writeValueAsString(p)).setIdempotent(true))
                .thenCompose(rs -> s.session().executeAsync(s.get("insertProposalOfRoom").bind(p.room(), p.id()).setIdempotent(true)))
                .thenCompose(rs -> s.session().executeAsync(s.get("insertProposalToAddressee").bind(p.addressee(), p.id()).setIdempotent(true)))
                .thenApply(rs -> p));
    }

    @Override
    public CompletionStage<Proposal> find(String id) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectProposal").bind(id))
                .thenApply(rs -> {
                    var row = rs.one();
                    return row == null ? null : json.readValue(row.getString(0), Proposal.class);
                }));
    }

    @Override
    public CompletionStage<List<Proposal>> ofRoom(String room) {
        return byIndex("selectProposalsOfRoom", room);
    }

    @Override
    public CompletionStage<List<Proposal>> addressedTo(String userId) {
        return byIndex("selectProposalsToAddressee", userId);
    }

    private CompletionStage<List<Proposal>> byIndex(String index, String key) {
        return HistoryStatements.with(statements, s -> {
            List<String> ids = new ArrayList<>();
            return HistoryDatabase.forEachRow(s.session().executeAsync(s.get(index).bind(key)), row -> ids.add(row.getString(0)))
                    .thenCompose(v -> {
                        if (ids.isEmpty()) {
                            return CompletableFuture.completedFuture(List.<Proposal>of());
                        }
                        List<Proposal> out = new ArrayList<>();
                        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectProposals").bind(ids)),
                                        row -> out.add(json.readValue(row.getString(0), Proposal.class)))
                                .thenApply(done -> {
                                    out.sort(Comparator.comparing(Proposal::createdAt));
                                    return out;
                                });
                    });
        });
    }

    @Override
    public CompletionStage<Void> notify(String userId, Notification n) {
        return HistoryStatements.with(statements, s -> s.session()
                .executeAsync(s.get("insertNotification").bind(userId, n.at(), n.id(), json.writeValueAsString(n)).setIdempotent(true))
                .thenApply(rs -> null));
    }

    @Override
    public CompletionStage<List<Notification>> of(String userId) {
        return HistoryStatements.with(statements, s -> {
            List<Notification> out = new ArrayList<>();
            return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectNotifications").bind(userId, LISTED)),
                    row -> out.add(json.readValue(row.getString(0), Notification.class))).thenApply(v -> out);
        });
    }

    @Override
    public CompletionStage<Void> rememberEmail(String userId, String email) {
        return HistoryStatements.with(statements, s -> s.session()
                .executeAsync(s.get("upsertContact").bind(userId, email).setIdempotent(true)).thenApply(rs -> null));
    }

    @Override
    public CompletionStage<Void> forget(String userId) {
        return HistoryStatements.with(statements, s -> CompletableFuture.allOf(
                s.session().executeAsync(s.get("deleteNotifications").bind(userId).setIdempotent(true)).toCompletableFuture(),
                s.session().executeAsync(s.get("deleteContact").bind(userId).setIdempotent(true)).toCompletableFuture()));
    }

    @Override
    public CompletionStage<Map<String, String>> emails(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return HistoryStatements.with(statements, s -> {
            Map<String, String> out = new HashMap<>();
            return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectContacts").bind(List.copyOf(userIds))),
                    row -> out.put(row.getString(0), row.getString(1))).thenApply(v -> out);
        });
    }
}
