package eu.vetnet.rooms.history;

import java.time.Instant;

/** A row's place in a document's log: its clustering key. Rows are ordered by (at, writer, seq). */
public record LogPosition(Instant at, String writer, long seq) implements Comparable<LogPosition> {

    /** Before every row. */
    public static final LogPosition START = new LogPosition(Instant.EPOCH, "", Long.MIN_VALUE);

    /** After every row at or before {@code at}. */
    public static LogPosition endOf(Instant at) {
        return new LogPosition(at, "\uffff", Long.MAX_VALUE);
    }

    /** The last position before this one in this writer's rows at this instant: everything before it, not it. */
    public LogPosition justBefore() {
        return new LogPosition(at, writer, seq - 1);
    }

    int bucket() {
        return Buckets.hour(at);
    }

    @Override
    public int compareTo(LogPosition o) {
        int c = at.compareTo(o.at);
        if (c == 0) {
            c = writer.compareTo(o.writer);
        }
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
