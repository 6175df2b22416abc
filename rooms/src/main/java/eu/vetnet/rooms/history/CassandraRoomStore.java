package eu.vetnet.rooms.history;

import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rooms and their access lists in Cassandra. The record column holds the room as JSON (so new fields of
 * {@link RoomRecord} need no schema change); the columns beside it are for operators.
 */
public final class CassandraRoomStore implements RoomStore {

    private final Supplier<HistoryStatements> statements;
    private final JsonMapper json;

    public CassandraRoomStore(Supplier<HistoryStatements> statements, JsonMapper json) {
        this.statements = statements;
        this.json = json;
    }

    @Override
    public CompletionStage<RoomRecord> find(String id) {
        return HistoryStatements.with(statements, s -> s.session().executeAsync(s.get("selectRoom").bind(id))
                .thenApply(rs -> {
                    var row = rs.one();
                    return row == null ? null : json.readValue(row.getString(0), RoomRecord.class);
                }));
    }

    @Override
    public CompletionStage<List<RoomRecord>> list() {
        return HistoryStatements.with(statements, s -> {
            List<RoomRecord> out = new ArrayList<>();
            return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectRooms").bind()),
                            row -> out.add(json.readValue(row.getString(0), RoomRecord.class)))
                    .thenApply(v -> {
                        out.sort(Comparator.comparing(RoomRecord::createdAt).thenComparing(RoomRecord::id));
                        return out;
                    });
        });
    }

    @Override
    public CompletionStage<RoomRecord> save(RoomRecord room) {
        return HistoryStatements.with(statements, s -> {
            var access = room.access();
            return s.session().executeAsync(s.get("insertRoom").bind(room.id(), room.title(),
                            room.kind() == null ? null : room.kind().name(), room.archived(), room.createdAt(),
                            access == null ? null : access.owner(), access == null ? List.of() : access.facilitators(),
                            access == null ? List.of() : access.participants(), access == null ? List.of() : access.observers(),
                            room.documents(), json.writeValueAsString(room)).setIdempotent(true))
                    .thenApply(rs -> room);
        });
    }
}
