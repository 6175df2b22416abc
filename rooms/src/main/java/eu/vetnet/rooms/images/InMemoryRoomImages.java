package eu.vetnet.rooms.images;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Images in memory, lost on restart: with {@code vetnet.history.store=memory}. */
public final class InMemoryRoomImages implements RoomImages {

    private final Map<String, Map<String, StoredImage>> rooms = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> store(String room, StoredImage image) {
        rooms.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).putIfAbsent(image.id(), image);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<StoredImage>> find(String room, String id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(rooms.getOrDefault(room, Map.of()).get(id)));
    }
}
