package eu.vetnet.rooms.history;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The log of one document open on this server, as far as a snapshot of it is concerned: which position a state
 * encoded by the core may claim to cover. A snapshot covers position P when every log row up to P is in its state
 * (a load applies the rows after P). The core numbers its updates ({@code ChangePayload.sequence}) and says which
 * numbers a stored state holds ({@code StorePayload.coversSequence}); here each number is tied to the position its
 * append got, so a state covers exactly the rows of the updates it holds, not the rows of updates applied after it was
 * encoded whose {@code onChange} was still running. Thread-safe.
 */
final class OpenDocumentLog {

    /** What a snapshot would cover: rows in {@code (checkFrom, to]} must still be checked for other writers' rows. */
    record Cover(LogPosition checkFrom, LogPosition to) {
    }

    /** Positions of this server's appends not yet covered by a snapshot, by the core's update number. */
    private final TreeMap<Long, LogPosition> appended = new TreeMap<>();
    /** What the newest snapshot written here (or the one loaded) covers. */
    private LogPosition covered = LogPosition.START;
    /** The last row applied at load: every row up to it is in the document. */
    private LogPosition lastLoaded = LogPosition.START;
    private long unnumbered;
    private Instant lastCompaction;

    /** The document was loaded from a snapshot covering {@code snapshotCovers} and the rows after it up to {@code lastRow}. */
    synchronized void loaded(LogPosition snapshotCovers, LogPosition lastRow) {
        covered = snapshotCovers;
        lastLoaded = lastRow == null ? snapshotCovers : lastRow;
    }

    /**
     * Appends through {@code accept} and records the row's position under {@code sequence}, both while no cover is
     * being computed: a cover never misses an append already made.
     */
    synchronized UpdateLog.Accepted append(long sequence, Supplier<UpdateLog.Accepted> accept) {
        UpdateLog.Accepted a = accept.get();
        // Updates the core did not number (tools and tests) count as held by every stored state.
        appended.put(sequence > 0 ? sequence : Long.MIN_VALUE + (++unnumbered), a.position());
        return a;
    }

    /**
     * What a state holding every update numbered up to {@code sequence} covers: the newest row of those updates (or of
     * the load), but never a row of a later update; null when it covers nothing a snapshot does not cover already.
     */
    synchronized Cover coverFor(long sequence) {
        LogPosition to = lastLoaded;
        for (LogPosition p : appended.headMap(sequence, true).values()) {
            if (p.compareTo(to) > 0) {
                to = p;
            }
        }
        for (LogPosition later : appended.tailMap(sequence, false).values()) {
            if (later.compareTo(to) <= 0) {
                // Appended before an update the state holds (hooks may run out of order): the state may lack it.
                to = later.justBefore();
            }
        }
        if (to.compareTo(covered) <= 0) {
            return null;
        }
        return new Cover(covered.compareTo(lastLoaded) >= 0 ? covered : lastLoaded, to);
    }

    /** A snapshot covering {@code to} of a state holding the updates up to {@code sequence} was written. */
    synchronized void covered(long sequence, LogPosition to) {
        appended.headMap(sequence, true).clear();
        if (to.compareTo(covered) > 0) {
            covered = to;
        }
    }

    /** True (and the time noted) when the last retention pass over this document is {@code every} ago or never ran. */
    synchronized boolean compactionDue(Instant now, Duration every) {
        if (lastCompaction != null && now.isBefore(lastCompaction.plus(every))) {
            return false;
        }
        lastCompaction = now;
        return true;
    }

    /** Appends not covered by a snapshot yet (for logs and tests). */
    synchronized int uncovered() {
        return appended.size();
    }

    synchronized LogPosition covered() {
        return covered;
    }
}
