package eu.vetnet.community.search;

import eu.vetnet.community.storage.CassandraPractices;
import eu.vetnet.community.storage.CommunityDatabase;
import eu.vetnet.community.storage.StoreUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the search index from Cassandra once the store is reachable, and says until then that search is not ready
 * (503, with how far it got). The server reports healthy only after this: nothing announces a library it cannot search.
 */
public final class LibraryIndexer {

    private static final Logger log = LoggerFactory.getLogger(LibraryIndexer.class);

    private final CommunityDatabase database;
    private final CassandraPractices store;
    private final PracticeIndex index;
    private final CompletableFuture<Long> built = new CompletableFuture<>();
    private final AtomicLong read = new AtomicLong();

    public LibraryIndexer(CommunityDatabase database, CassandraPractices store, PracticeIndex index) {
        this.database = database;
        this.store = store;
        this.index = index;
    }

    public void start() {
        database.whenReady().thenCompose(ready -> {
            long started = System.nanoTime();
            return store.forEach(p -> {
                index.put(p);
                read.incrementAndGet();
            }, index.writes()).thenApplyAsync(v -> {
                index.refresh();
                log.info("library: {} practices read, {} published in the search index, in {} ms", read.get(), index.size(),
                        (System.nanoTime() - started) / 1_000_000);
                return read.get();
            }, index.writes());
        }).whenComplete((n, err) -> {
            if (err != null) {
                log.error("library: the search index could not be built from Cassandra", err);
                built.completeExceptionally(err);
            } else {
                built.complete(n);
            }
        });
    }

    public CompletableFuture<Long> whenBuilt() {
        return built;
    }

    /** The index, or a 503 while it is being built. */
    public PracticeIndex ready() {
        if (!built.isDone() || built.isCompletedExceptionally()) {
            throw new StoreUnavailableException(built.isCompletedExceptionally()
                    ? "the library's search index could not be built (see the community server's log)"
                    : "the library's search index is being built (" + read.get() + " practices read so far)");
        }
        return index;
    }
}
