package eu.vetnet.learning.storage;

import eu.vetnet.identity.api.ApiException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A record's {@code updated_at} is also its version: a change is written only if the row still holds the version it
 * was read at ({@code ... IF updated_at = ?}, a lightweight transaction), so two coordinators changing one programme
 * at once never lose each other's work: the second reads again and applies its change to the first's result.
 * Cassandra keeps milliseconds, so each new version is a millisecond after the last at least, never equal to it.
 */
public final class RowVersions {

    /** How often a change is read and applied again after losing a race before the person is asked to retry. */
    public static final int MAX_ATTEMPTS = 8;

    private RowVersions() {
    }

    /**
     * Reads a record, applies {@code change} to it and writes the result over exactly what was read; when another
     * change came first, reads again and applies it to that, up to {@link #MAX_ATTEMPTS} times, then 409. A change that
     * answers the record it was given unchanged writes nothing.
     *
     * @param write writes {@code after} if the row still holds {@code before}'s version; whether it did
     * @param what  the record, as the refusal names it ("the programme")
     */
    public static <T> CompletionStage<T> change(Supplier<CompletionStage<T>> read, UnaryOperator<T> change,
            BiFunction<T, T, CompletionStage<Boolean>> write, String what) {
        return attempt(read, change, write, what, 0);
    }

    private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> read, UnaryOperator<T> change,
            BiFunction<T, T, CompletionStage<Boolean>> write, String what, int attempt) {
        return read.get().thenCompose(before -> {
            T after = change.apply(before);
            if (after == before) {
                return CompletableFuture.completedFuture(before);
            }
            return write.apply(before, after).thenCompose(written -> {
                if (written) {
                    return CompletableFuture.completedFuture(after);
                }
                if (attempt + 1 >= MAX_ATTEMPTS) {
                    throw ApiException.conflict(what + " is being changed by others right now", "try again in a moment");
                }
                return attempt(read, change, write, what, attempt + 1);
            });
        });
    }

    public static Instant next(Instant before, Instant now) {
        Instant floor = before.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return at.isBefore(floor) ? floor : at;
    }
}
