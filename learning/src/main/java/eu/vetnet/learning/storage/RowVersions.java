package eu.vetnet.learning.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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

    public static Instant next(Instant before, Instant now) {
        Instant floor = before.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return at.isBefore(floor) ? floor : at;
    }
}
