package eu.vetnet.rooms.history;

import java.time.Instant;

/** Time buckets of the history partitions: hours for document logs, days for session events. */
final class Buckets {

    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;
    static final String EVENTS = "events";

    private Buckets() {
    }

    static int hour(Instant at) {
        return (int) Math.floorDiv(at.toEpochMilli(), HOUR_MS);
    }

    static int day(Instant at) {
        return (int) Math.floorDiv(at.toEpochMilli(), DAY_MS);
    }

    /** The stream name of a document's log in history_buckets. */
    static String document(String name) {
        return "doc:" + name;
    }
}
