package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.TupleType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps a document's history bounded while replay stays possible at a stated granularity
 * (docs/history-and-presence.md, "Retention"):
 *
 * <ul>
 *   <li>snapshots are thinned to the newest one per {@code snapshot-granularity} (1 minute), kept for good;
 *   <li>every log row stays for {@code keep-every-update-for} (30 days): replay within it is exact to the update;
 *   <li>older rows are deleted once a kept snapshot covers them. The newest kept snapshot taken in a granularity
 *       window wholly before that age becomes the log's floor ({@code log_floor}, written before any row is deleted):
 *       reads that start below it use that snapshot instead of the rows, and replay of an instant older than it
 *       answers from the latest kept snapshot taken by then, without the log.
 * </ul>
 *
 * A pass reads snapshot keys only (never states), and only those taken since the last pass thinned
 * ({@code thinned_to}); deletions are idempotent, so two servers passing over one document at once do no harm.
 */
final class LogRetention {

    /** What one pass did, for logs and tests. */
    record Pass(int snapshotsDeleted, int bucketsDeleted, LogFloor floor) {
    }

    private record SnapshotKey(Instant takenAt, String writer, LogPosition covers) {
    }

    private static final int DELETES_PER_BATCH = 50;

    private final Duration keepEveryUpdateFor;
    private final long granularityMs;

    LogRetention(HistoryProperties properties) {
        this.keepEveryUpdateFor = properties.getKeepEveryUpdateFor();
        this.granularityMs = Math.max(1, properties.getSnapshotGranularity().toMillis());
    }

    /** The start of the granularity window {@code at} falls in. */
    Instant windowOf(Instant at) {
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), granularityMs) * granularityMs);
    }

    CompletionStage<Pass> compact(HistoryStatements s, String room, String document, Instant now) {
        return HistoryReads.retention(s, room, document).thenCompose(retention -> {
            Instant thinFrom = retention.thinnedTo() != null ? retention.thinnedTo() : Instant.EPOCH;
            Instant thinnedTo = windowOf(now);
            return thin(s, room, document, thinFrom)
                    .thenCompose(deleted -> s.session().executeAsync(s.get("updateThinnedTo").bind(thinnedTo, room, document)
                                    .setIdempotent(true))
                            .thenCompose(rs -> raiseFloor(s, room, document, retention.floor(), now))
                            .thenApply(raised -> new Pass(deleted, raised.map(r -> r.buckets).orElse(0),
                                    raised.map(r -> r.floor).orElse(retention.floor()))));
        });
    }

    /** Deletes every snapshot taken since {@code from} but the newest of its granularity window; returns how many. */
    private CompletionStage<Integer> thin(HistoryStatements s, String room, String document, Instant from) {
        List<SnapshotKey> doomed = new ArrayList<>();
        Set<Long> windows = new HashSet<>();
        // Newest first (the clustering order): the first snapshot seen in a window is the one kept.
        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectSnapshotKeysFrom").bind(room, document, from)),
                row -> {
                    SnapshotKey k = key(row);
                    if (!windows.add(Math.floorDiv(k.takenAt().toEpochMilli(), granularityMs))) {
                        doomed.add(k);
                    }
                })
                .thenCompose(v -> deleteInBatches(s, s.get("deleteSnapshot"), doomed.stream()
                        .map(k -> new Object[] {room, document, k.takenAt(), k.writer()}).toList()))
                .thenApply(v -> doomed.size());
    }

    private record Raised(LogFloor floor, int buckets) {
    }

    /**
     * Moves the floor to the newest snapshot taken in a window wholly older than {@code keep-every-update-for}, then
     * deletes the rows it covers. Empty when there is nothing older to delete.
     */
    private CompletionStage<Optional<Raised>> raiseFloor(HistoryStatements s, String room, String document, LogFloor current,
            Instant now) {
        Instant before = windowOf(now.minus(keepEveryUpdateFor));
        return s.session().executeAsync(s.get("selectSnapshotKeysBefore").bind(room, document, before))
                .thenCombine(s.session().executeAsync(s.get("selectLatestSnapshotKeys").bind(room, document)),
                        (floorRows, latestRows) -> {
                            Row f = floorRows.one();
                            Row l = latestRows.one();
                            return f == null || l == null ? null : new SnapshotKey[] {key(f), key(l)};
                        })
                .thenCompose(keys -> {
                    if (keys == null) {
                        return CompletableFuture.completedFuture(Optional.<Raised>empty());
                    }
                    SnapshotKey floorSnapshot = keys[0];
                    SnapshotKey latest = keys[1];
                    if (current != null && !floorSnapshot.takenAt().isAfter(current.snapshotTakenAt())) {
                        return CompletableFuture.completedFuture(Optional.<Raised>empty());
                    }
                    if (latest.covers().compareTo(floorSnapshot.covers()) < 0) {
                        // A load starts at the latest snapshot's cover: never delete rows after it. Only a server that
                        // wrote from a view older than the whole retention period could leave this; wait it out.
                        return CompletableFuture.completedFuture(Optional.<Raised>empty());
                    }
                    LogFloor floor = new LogFloor(floorSnapshot.takenAt(), floorSnapshot.writer(), floorSnapshot.covers());
                    PreparedStatement update = s.get("updateLogFloor");
                    TupleType type = (TupleType) update.getVariableDefinitions().get(0).getType();
                    // The floor first: a read that starts below it from now on takes the snapshot, not rows being deleted.
                    return s.session().executeAsync(update.bind(floor.toTuple(type), room, document).setIdempotent(true))
                            .thenCompose(rs -> deleteRowsUpTo(s, room, document, current, floor.covers()))
                            .thenApply(buckets -> Optional.of(new Raised(floor, buckets)));
                });
    }

    /** Deletes the log rows up to {@code covers}: whole hour buckets before its hour, then the rows before it in it. */
    private CompletionStage<Integer> deleteRowsUpTo(HistoryStatements s, String room, String document, LogFloor previous,
            LogPosition covers) {
        int lastWhole = covers.bucket() - 1;
        int first = previous == null ? 0 : previous.covers().bucket();
        List<Integer> buckets = new ArrayList<>();
        String stream = Buckets.document(document);
        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectBuckets").bind(room, stream, first, lastWhole)),
                        row -> buckets.add(row.getInt(0)))
                .thenCompose(v -> {
                    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
                    for (int bucket : buckets) {
                        // The rows first, the bucket's registration after: a crash between leaves a registered empty bucket.
                        chain = chain.thenCompose(x -> s.session().executeAsync(s.get("deleteUpdatesBucket")
                                        .bind(room, document, bucket).setIdempotent(true)))
                                .thenCompose(x -> s.session().executeAsync(s.get("deleteBucket")
                                        .bind(room, stream, bucket).setIdempotent(true)))
                                .thenApply(x -> null);
                    }
                    return chain.thenCompose(x -> s.session().executeAsync(s.get("deleteUpdatesBefore")
                            .bind(room, document, covers.bucket(), covers.at()).setIdempotent(true)));
                })
                .thenApply(rs -> buckets.size());
    }

    /** Unlogged batches within the document's one snapshot partition: one round trip per batch. */
    private static CompletionStage<Void> deleteInBatches(HistoryStatements s, PreparedStatement delete, List<Object[]> rows) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < rows.size(); i += DELETES_PER_BATCH) {
            BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED).setIdempotence(true);
            rows.subList(i, Math.min(rows.size(), i + DELETES_PER_BATCH)).forEach(r -> batch.addStatement(delete.bind(r)));
            BatchStatement statement = batch.build();
            chain = chain.thenCompose(v -> s.session().executeAsync(statement)).thenApply(rs -> null);
        }
        return chain;
    }

    private static SnapshotKey key(Row row) {
        return new SnapshotKey(row.getInstant("taken_at"), row.getString("writer"), new LogPosition(row.getInstant("covers_at"),
                row.getString("covers_writer"), row.getLong("covers_seq")));
    }
}
