package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.crdt.YDoc;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Reads of the history: snapshots, the log after them, and a document's state as of an instant. Never blocks. */
final class HistoryReads {

    /**
     * A snapshot; {@code owners}: client id -> user id when it was taken (empty for snapshots older than the column);
     * {@code floor}: how far the document's log may have been deleted when it was read (null: never).
     */
    record SnapshotRow(Instant takenAt, String writer, byte[] state, byte[] stateVector, LogPosition covers,
            Map<Long, String> owners, LogFloor floor) {
    }

    /** A log row; {@code userId} is who sent the update (null: the server). */
    record LogRow(int bucket, Instant at, String writer, long seq, byte[] payload, String userId) {

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

    /** Rows per page when the log is streamed: what a load or a replay holds in memory at once besides the document. */
    static final int PAGE_ROWS = 500;

    /** The log rows after {@code after} and at or before {@code to} ({@code to} null: no upper end), as a list (tests). */
    static CompletionStage<List<LogRow>> log(HistoryStatements s, String room, String document, LogPosition after, Instant to) {
        List<LogRow> rows = new ArrayList<>();
        return forEachLogRow(s, room, document, after, to == null ? null : LogPosition.endOf(to), Runnable::run, rows::add)
                .thenApply(v -> rows);
    }

    /**
     * Streams the log rows after {@code after} and at or before {@code upTo} (null: no upper end), bucket by bucket,
     * in log order, each page handed to {@code action} on {@code executor}: memory holds one page, not the log.
     */
    static CompletionStage<Void> forEachLogRow(HistoryStatements s, String room, String document, LogPosition after,
            LogPosition upTo, Executor executor, Consumer<LogRow> action) {
        return buckets(s, room, document, after, upTo).thenCompose(buckets -> {
            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
            for (int bucket : buckets) {
                chain = chain.thenCompose(x -> HistoryDatabase.forEachRow(s.session().executeAsync((upTo == null
                        ? s.get("selectUpdatesAfter").bind(room, document, bucket, after.at(), after.writer(), after.seq())
                        : s.get("selectUpdatesBetween").bind(room, document, bucket, after.at(), after.writer(), after.seq(),
                                upTo.at(), upTo.writer(), upTo.seq())).setPageSize(PAGE_ROWS)),
                        executor, row -> action.accept(logRow(row))));
            }
            return chain;
        });
    }

    /**
     * The first row in {@code (after, upTo]} written by another writer than {@code writer}, if any. Reads keys only
     * (no payloads): a snapshot checks that the rows it claims to cover are its own or were loaded.
     */
    static CompletionStage<Optional<LogPosition>> firstRowOfAnotherWriter(HistoryStatements s, String room, String document,
            LogPosition after, LogPosition upTo, String writer) {
        return buckets(s, room, document, after, upTo).thenCompose(buckets -> {
            CompletionStage<Optional<LogPosition>> chain = CompletableFuture.completedFuture(Optional.empty());
            for (int bucket : buckets) {
                chain = chain.thenCompose(found -> found.isPresent() ? CompletableFuture.completedFuture(found)
                        : firstOtherIn(s.session().executeAsync(s.get("selectUpdateKeysBetween").bind(room, document, bucket,
                                after.at(), after.writer(), after.seq(), upTo.at(), upTo.writer(), upTo.seq())), writer));
            }
            return chain;
        });
    }

    private static CompletionStage<Optional<LogPosition>> firstOtherIn(CompletionStage<AsyncResultSet> page, String writer) {
        return page.thenCompose(rs -> {
            for (Row row : rs.currentPage()) {
                if (!writer.equals(row.getString("writer"))) {
                    return CompletableFuture.completedFuture(Optional.of(
                            new LogPosition(row.getInstant("at"), row.getString("writer"), row.getLong("seq"))));
                }
            }
            return rs.hasMorePages() ? firstOtherIn(rs.fetchNextPage(), writer) : CompletableFuture.completedFuture(Optional.empty());
        });
    }

    /** The hour buckets of a document's log between two positions that have rows. */
    private static CompletionStage<List<Integer>> buckets(HistoryStatements s, String room, String document, LogPosition after,
            LogPosition upTo) {
        List<Integer> buckets = new ArrayList<>();
        return HistoryDatabase.forEachRow(s.session().executeAsync(s.get("selectBuckets").bind(room, Buckets.document(document),
                        after.bucket(), upTo == null ? Integer.MAX_VALUE : upTo.bucket())),
                row -> buckets.add(row.getInt(0))).thenApply(v -> buckets);
    }

    /** The latest snapshot and every log row from the instant it covers, as lists (tests). */
    static CompletionStage<Stored> load(HistoryStatements s, String room, String document) {
        return latestSnapshot(s, room, document).thenCompose(snapshot -> log(s, room, document,
                snapshot.map(SnapshotRow::covers).orElse(LogPosition.START), null)
                .thenApply(rows -> new Stored(snapshot, rows)));
    }

    /**
     * A document as of {@code at}: the latest snapshot taken by then, and the log rows after it up to {@code at},
     * streamed a page at a time and applied on {@code executor} (a replay holds the document and one page of rows).
     * Where retention deleted the rows after that snapshot, the snapshot alone (docs/history-and-presence.md,
     * "Retention").
     */
    static CompletionStage<YDoc> replay(HistoryStatements s, String room, String document, Instant at, Executor executor) {
        YDoc doc = new YDoc();
        return retention(s, room, document).thenCompose(retention -> snapshotAtOrBefore(s, room, document, at)
                .thenComposeAsync(snapshot -> {
                    snapshot.ifPresent(snap -> doc.applyUpdate(snap.state()));
                    return snapshotsAndLog(s, room, document, snapshot.map(SnapshotRow::covers).orElse(LogPosition.START),
                            retention.floor(), at, executor, snap -> doc.applyUpdate(snap.state()),
                            row -> doc.applyUpdate(row.payload()));
                }, executor)).thenApply(v -> doc);
    }

    /**
     * After a snapshot covering {@code from} was applied: the log rows after it up to {@code at} (null: all), taking the
     * log's floor into account. Rows up to the floor may be deleted: when {@code from} is below it, the floor's snapshot
     * (which holds them all) is applied too and the rows are read from the floor on, if that snapshot is as of
     * {@code at} or before; otherwise (an instant older than the floor's snapshot) no rows are read at all, since some
     * are gone and a part of them would be no state the document ever had.
     */
    static CompletionStage<Void> snapshotsAndLog(HistoryStatements s, String room, String document, LogPosition from,
            LogFloor floor, Instant at, Executor executor, Consumer<SnapshotRow> applySnapshot, Consumer<LogRow> applyRow) {
        if (floor == null || from.compareTo(floor.covers()) >= 0) {
            return forEachLogRow(s, room, document, from, at == null ? null : LogPosition.endOf(at), executor, applyRow);
        }
        if (at != null && floor.snapshotTakenAt().isAfter(at)) {
            return CompletableFuture.completedFuture(null);
        }
        return snapshot(s, room, document, floor.snapshotTakenAt(), floor.snapshotWriter()).thenComposeAsync(floorSnapshot -> {
            if (floorSnapshot.isEmpty()) {
                throw new HistoryUnavailableException("the snapshot at the log floor of " + room + "/" + document
                        + " is missing: the rows it covered were deleted");
            }
            applySnapshot.accept(floorSnapshot.get());
            return forEachLogRow(s, room, document, floor.covers(), at == null ? null : LogPosition.endOf(at), executor, applyRow);
        }, executor);
    }

    /** How far the document's log was compacted and its snapshots thinned. */
    record Retention(LogFloor floor, Instant thinnedTo) {
    }

    static CompletionStage<Retention> retention(HistoryStatements s, String room, String document) {
        return s.session().executeAsync(s.get("selectRetention").bind(room, document)).thenApply(rs -> {
            Row row = rs.one();
            return row == null ? new Retention(null, null)
                    : new Retention(LogFloor.of(row.getTupleValue("log_floor")), row.getInstant("thinned_to"));
        });
    }

    private static SnapshotRow snapshot(Row row) {
        return new SnapshotRow(row.getInstant("taken_at"), row.getString("writer"), bytes(row.getByteBuffer("state")),
                bytes(row.getByteBuffer("state_vector")), new LogPosition(row.getInstant("covers_at"),
                row.getString("covers_writer"), row.getLong("covers_seq")),
                Map.copyOf(row.getMap("client_owners", Long.class, String.class)), LogFloor.of(row.getTupleValue("log_floor")));
    }

    private static LogRow logRow(Row row) {
        return new LogRow(row.getInt("bucket"), row.getInstant("at"), row.getString("writer"), row.getLong("seq"),
                bytes(row.getByteBuffer("payload")), row.getString("user_id"));
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
