package eu.vetnet.learning.editions;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.storage.CassandraEditions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.http.HttpStatus;

/**
 * An edition's seats, taken and given back with compare-and-set on Cassandra (a lightweight transaction): the count
 * is right whichever server, and however many at once, enrol and withdraw.
 */
final class Seats {

    /** Attempts before giving up under contention (each one lost means someone else's change went through). */
    static final int ATTEMPTS = 20;

    private final CassandraEditions store;

    Seats(CassandraEditions store) {
        this.store = store;
    }

    /** Takes a seat if one is free: whether it did. */
    CompletionStage<Boolean> take(String editionId, int capacity) {
        return change(editionId, capacity, +1, ATTEMPTS);
    }

    /** Gives a seat back. */
    CompletionStage<Boolean> release(String editionId, int capacity) {
        return change(editionId, capacity, -1, ATTEMPTS);
    }

    private CompletionStage<Boolean> change(String editionId, int capacity, int delta, int attemptsLeft) {
        if (attemptsLeft == 0) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "too many people are enrolling in this edition at once",
                    "try again in a moment");
        }
        return store.seatsTaken(editionId).thenCompose(taken -> {
            int next = taken + delta;
            if (next > capacity || next < 0) {
                return CompletableFuture.completedFuture(false);
            }
            return store.changeSeats(editionId, taken, next)
                    .thenCompose(applied -> applied ? CompletableFuture.completedFuture(true) : change(editionId, capacity, delta, attemptsLeft - 1));
        });
    }
}
