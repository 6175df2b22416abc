package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.rooms.access.AccessRequests;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Requests for access in Cassandra ({@code access_requests}, one partition per room). */
public final class CassandraAccessRequests implements AccessRequests {

    private final Supplier<HistoryStatements> statements;

    public CassandraAccessRequests(Supplier<HistoryStatements> statements) {
        this.statements = statements;
    }

    @Override
    public CompletionStage<Void> save(Request r) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("upsertAccessRequest")
                .bind(r.room(), r.userId(), r.username(), r.name(), r.requestedAt(), r.status().name()).setIdempotent(true))
                .thenApply(rs -> null));
    }

    @Override
    public CompletionStage<Optional<Request>> find(String room, String userId) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectAccessRequest").bind(room, userId))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> request(room, row))));
    }

    @Override
    public CompletionStage<List<Request>> list(String room) {
        return HistoryStatements.with(statements, s -> {
            List<Request> out = new ArrayList<>();
            return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectAccessRequests").bind(room, MAX_LISTED)),
                    row -> out.add(request(room, row))).thenApply(v -> {
                        out.sort(Comparator.comparing(Request::requestedAt).thenComparing(Request::userId));
                        return out;
                    });
        });
    }

    private static Request request(String room, Row row) {
        return new Request(room, row.getString(0), row.getString(1), row.getString(2), row.getInstant(3),
                Status.valueOf(row.getString(4)));
    }
}
