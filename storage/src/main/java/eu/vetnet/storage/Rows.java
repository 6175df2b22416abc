package eu.vetnet.storage;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Reading a whole result, page after page, without blocking a driver thread. */
public final class Rows {

    private Rows() {
    }

    /** Gives every row of {@code rs}, this page and the ones after it, to {@code action}; completes after the last. */
    public static CompletionStage<Void> each(AsyncResultSet rs, Consumer<Row> action) {
        rs.currentPage().forEach(action);
        return rs.hasMorePages() ? rs.fetchNextPage().thenCompose(next -> each(next, action)) : CompletableFuture.completedFuture(null);
    }
}
