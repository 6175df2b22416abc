package eu.vetnet.community.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the writes to one record (a practice, a case) one after the other on this server: read, change, write must
 * not interleave (two endorsements at once would count wrong, two answers to a case would lose one). Different
 * records run side by side. Several community servers would need this across hosts too (docs/community.md,
 * "Several servers").
 */
public final class WriteLanes {

    private final ConcurrentHashMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    public <T> CompletionStage<T> run(String key, Supplier<CompletionStage<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?> previous = tails.put(key, result);
        CompletableFuture<?> start = previous == null ? CompletableFuture.completedFuture(null) : previous.handle((v, e) -> null);
        start.thenCompose(v -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }).whenComplete((v, e) -> {
            tails.remove(key, result);
            if (e != null) {
                result.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                result.complete(v);
            }
        });
        return result;
    }
}
