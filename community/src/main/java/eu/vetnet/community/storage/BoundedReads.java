package eu.vetnet.community.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

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
