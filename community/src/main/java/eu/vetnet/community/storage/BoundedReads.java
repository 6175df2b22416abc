package eu.vetnet.community.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Many point reads for one answer (a person's own data: each post, endorsement, request), a few at a time: a
 * download of thousands must not flood the driver's connection. The results keep the items' order; an item whose
 * read finds nothing (deleted since) is left out.
 */
public final class BoundedReads {

    /** Reads in flight at once for one answer. */
    public static final int AT_ONCE = 32;

    private BoundedReads() {
    }

    /** Rounds at most, for {@link #drain}: a handler that never empties its index ends here instead of looping. */
    static final int MAX_ROUNDS = 10_000;

    /**
     * Reads a batch from an index, handles each item ({@link #AT_ONCE} at a time), and again, until a read finds
     * nothing: for work whose handling removes the item from the index (an account's deletion). Answers how many
     * items were handled.
     */
    public static <T> CompletionStage<Integer> drain(Supplier<CompletionStage<List<T>>> read, Function<T, CompletionStage<?>> handle) {
        return drain(read, handle, 0, 0);
    }

    private static <T> CompletionStage<Integer> drain(Supplier<CompletionStage<List<T>>> read, Function<T, CompletionStage<?>> handle,
            int done, int round) {
        if (round >= MAX_ROUNDS) {
            return CompletableFuture.failedFuture(new IllegalStateException("an index did not empty after " + round + " rounds"));
        }
        return read.get().thenCompose(batch -> batch.isEmpty()
                ? CompletableFuture.completedFuture(done)
                : each(batch, item -> handle.apply(item).thenApply(x -> Optional.of(Boolean.TRUE)))
                        .thenCompose(v -> drain(read, handle, done + batch.size(), round + 1)));
    }

    public static <T, R> CompletionStage<List<R>> each(List<T> items, Function<T, CompletionStage<Optional<R>>> read) {
        List<R> out = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int from = 0; from < items.size(); from += AT_ONCE) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + AT_ONCE));
            chain = chain.thenCompose(v -> {
                List<CompletableFuture<Optional<R>>> reads = chunk.stream().map(i -> read.apply(i).toCompletableFuture()).toList();
                return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                        .thenAccept(x -> reads.forEach(r -> r.join().ifPresent(out::add)));
            });
        }
        return chain.thenApply(v -> out);
    }
}
