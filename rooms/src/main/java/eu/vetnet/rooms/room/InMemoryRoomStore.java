package eu.vetnet.rooms.room;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Rooms in a map: lost on restart; until the Cassandra store exists. */
public final class InMemoryRoomStore implements RoomStore {

    private final ConcurrentHashMap<String, RoomRecord> rooms = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<RoomRecord> find(String id) {
        return CompletableFuture.completedFuture(rooms.get(id));
    }

    @Override
    public CompletionStage<List<RoomRecord>> list() {
        return CompletableFuture.completedFuture(rooms.values().stream()
                .sorted(Comparator.comparing(RoomRecord::createdAt).thenComparing(RoomRecord::id)).toList());
    }

    @Override
    public CompletionStage<RoomRecord> save(RoomRecord room) {
        rooms.put(room.id(), room);
        return CompletableFuture.completedFuture(room);
    }
}
