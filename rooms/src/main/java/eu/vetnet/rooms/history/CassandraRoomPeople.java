package eu.vetnet.rooms.history;

import eu.vetnet.rooms.people.RoomPeople;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        HistoryStatements s;
        try {
            s = statements.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return s.session().executeAsync(s.get("upsertPerson").bind(room, person.id(), person.name()).setIdempotent(true))
                .thenApply(rs -> null);
    }

    @Override
    public CompletionStage<List<Person>> list(String room) {
        HistoryStatements s;
        try {
            s = statements.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<Person> out = new ArrayList<>();
        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectPeople").bind(room, MAX_LISTED)),
                row -> out.add(new Person(row.getString(0), row.getString(1)))).thenApply(v -> out);
    }
}
