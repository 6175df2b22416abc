package eu.vetnet.rooms.access;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Requests for access in memory, lost on restart: with {@code vetnet.history.store=memory}. */
public final class InMemoryAccessRequests implements AccessRequests {

    private final Map<String, Map<String, Request>> rooms = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> save(Request request) {
        rooms.computeIfAbsent(request.room(), r -> new ConcurrentHashMap<>()).put(request.userId(), request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Request>> find(String room, String userId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(rooms.getOrDefault(room, Map.of()).get(userId)));
    }

    @Override
    public CompletionStage<List<Request>> list(String room) {
        return CompletableFuture.completedFuture(rooms.getOrDefault(room, Map.of()).values().stream()
                .sorted(Comparator.comparing(Request::requestedAt).thenComparing(Request::userId)).limit(MAX_LISTED).toList());
    }
}
