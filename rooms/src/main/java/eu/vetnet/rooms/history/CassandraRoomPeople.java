package eu.vetnet.rooms.history;

import eu.vetnet.rooms.people.RoomPeople;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The names directory in Cassandra ({@code room_people}, one partition per room): it outlives restarts and room moves. */
public final class CassandraRoomPeople implements RoomPeople {

    private final Supplier<HistoryStatements> statements;

    public CassandraRoomPeople(Supplier<HistoryStatements> statements) {
        this.statements = statements;
    }

    @Override
    public CompletionStage<Void> remember(String room, Person person) {
        return HistoryStatements.with(statements, s -> s.session()
                .executeAsync(s.get("upsertPerson").bind(room, person.id(), person.name()).setIdempotent(true))
                .thenApply(rs -> null));
    }

    @Override
    public CompletionStage<Map<String, String>> names(String room, Collection<String> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return HistoryStatements.with(statements, s -> {
            Map<String, String> out = new HashMap<>();
            return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectNames").bind(room, List.copyOf(ids))),
                    row -> out.put(row.getString(0), row.getString(1))).thenApply(v -> out);
        });
    }

    @Override
    public CompletionStage<List<Person>> list(String room) {
        return HistoryStatements.with(statements, s -> {
            List<Person> out = new ArrayList<>();
            return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectPeople").bind(room, MAX_LISTED)),
                    row -> out.add(new Person(row.getString(0), row.getString(1)))).thenApply(v -> out);
        });
    }
}
