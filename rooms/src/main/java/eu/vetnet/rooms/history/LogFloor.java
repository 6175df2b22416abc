package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.TupleType;
import java.time.Instant;

/**
 * How far a document's log may have been deleted (docs/history-and-presence.md, "Retention"): every row up to
 * {@code covers} may be gone, and the snapshot taken at {@code snapshotTakenAt} by {@code snapshotWriter}, kept for
 * good, holds them all. Stored as the static column {@code log_floor} of the document's snapshots.
 */
record LogFloor(Instant snapshotTakenAt, String snapshotWriter, LogPosition covers) {

    /** The floor in a row, or null when the log was never compacted. */
    static LogFloor of(TupleValue t) {
        if (t == null || t.getInstant(0) == null) {
            return null;
        }
        return new LogFloor(t.getInstant(0), t.getString(1), new LogPosition(t.getInstant(2), t.getString(3), t.getLong(4)));
    }

    TupleValue toTuple(TupleType type) {
        return type.newValue(snapshotTakenAt, snapshotWriter, covers.at(), covers.writer(), covers.seq());
    }
}
