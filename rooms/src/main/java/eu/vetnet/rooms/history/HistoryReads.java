package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.crdt.Updates;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reads of the history: snapshots, the log after them, and a document's state as of an instant. Never blocks. */
final class HistoryReads {

    record SnapshotRow(Instant takenAt, String writer, byte[] state, byte[] stateVector, LogPosition covers) {
    }

    record LogRow(int bucket, Instant at, String writer, long seq, byte[] payload) {

        LogPosition position() {
            return new LogPosition(at, writer, seq);
        }
    }

    /** What a load applies: the snapshot's state (if any), then the log rows after it, in log order. */
    record Stored(Optional<SnapshotRow> snapshot, List<LogRow> log) {

        List<byte[]> updates() {
            List<byte[]> out = new ArrayList<>(log.size() + 1);
            snapshot.ifPresent(s -> out.add(s.state()));
            log.forEach(r -> out.add(r.payload()));
            return out;
        }
    }

    private HistoryReads() {
    }

    static CompletionStage<Optional<SnapshotRow>> latestSnapshot(HistoryStatements s, String room, String document) {
        return s.session().executeAsync(s.get("selectLatestSnapshot").bind(room, document))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(HistoryReads::snapshot));
    }

    static CompletionStage<Optional<SnapshotRow>> snapshotAtOrBefore(HistoryStatements s, String room, String document, Instant at) {
        return s.session().executeAsync(s.get("selectSnapshotAtOrBefore").bind(room, document, at))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(HistoryReads::snapshot));
    }

    static CompletionStage<Optional<SnapshotRow>> snapshot(HistoryStatements s, String room, String document, Instant takenAt, String writer) {
        return s.session().executeAsync(s.get("selectSnapshot").bind(room, document, takenAt, writer))
                .thenApply(rs -> Optional.ofNullable(rs.one()).map(HistoryReads::snapshot));
    }

    /** The log rows after {@code after} and at or before {@code to} ({@code to} null: no upper end), bucket by bucket. */
    static CompletionStage<List<LogRow>> log(HistoryStatements s, String room, String document, LogPosition after, Instant to) {
        int first = after.bucket();
        LogPosition upTo = to == null ? null : LogPosition.endOf(to);
        int last = to == null ? Integer.MAX_VALUE : Buckets.hour(to);
        List<Integer> buckets = new ArrayList<>();
        return HistoryDatabase.forEachRow(s.session().executeAsync(
                        s.get("selectBuckets").bind(room, Buckets.document(document), first, last)),
                        row -> buckets.add(row.getInt(0)))
                .thenCompose(v -> {
                    List<LogRow> rows = new ArrayList<>();
                    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
                    for (int bucket : buckets) {
                        chain = chain.thenCompose(x -> HistoryDatabase.forEachRow(s.session().executeAsync(to == null
                                ? s.get("selectUpdatesAfter").bind(room, document, bucket, after.at(), after.writer(), after.seq())
                                : s.get("selectUpdatesBetween").bind(room, document, bucket, after.at(), after.writer(), after.seq(),
                                        upTo.at(), upTo.writer(), upTo.seq())),
                                row -> rows.add(logRow(row))));
                    }
                    return chain.thenApply(x -> rows);
                });
    }

    /** The latest snapshot and every log row from the instant it covers. */
    static CompletionStage<Stored> load(HistoryStatements s, String room, String document) {
        return latestSnapshot(s, room, document).thenCompose(snapshot -> log(s, room, document,
                snapshot.map(SnapshotRow::covers).orElse(LogPosition.START), null)
                .thenApply(rows -> new Stored(snapshot, rows)));
    }

    /** The stored updates of a document up to {@code at}: the latest snapshot taken by then, and the log up to it. */
    static CompletionStage<Stored> asOf(HistoryStatements s, String room, String document, Instant at) {
        return snapshotAtOrBefore(s, room, document, at).thenCompose(snapshot -> log(s, room, document,
                snapshot.map(SnapshotRow::covers).orElse(LogPosition.START), at)
                .thenApply(rows -> new Stored(snapshot, rows)));
    }

    /** Merges what is stored into one update, without a document (Yjs's mergeUpdates). */
    static byte[] merge(Stored stored) {
        List<byte[]> updates = stored.updates();
        if (updates.isEmpty()) {
            return new byte[] {0, 0};
        }
        return updates.size() == 1 ? updates.get(0) : Updates.mergeUpdates(updates);
    }

    private static SnapshotRow snapshot(Row row) {
        return new SnapshotRow(row.getInstant("taken_at"), row.getString("writer"), bytes(row.getByteBuffer("state")),
                bytes(row.getByteBuffer("state_vector")), new LogPosition(row.getInstant("covers_at"),
                row.getString("covers_writer"), row.getLong("covers_seq")));
    }

    private static LogRow logRow(Row row) {
        return new LogRow(row.getInt("bucket"), row.getInstant("at"), row.getString("writer"), row.getLong("seq"),
                bytes(row.getByteBuffer("payload")));
    }

    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
