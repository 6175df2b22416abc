package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The document update log with group commit: an append is written at once when fewer than
 * {@code group-commit-max-in-flight} groups are being written; otherwise it waits, with the appends arriving
 * meanwhile, for a group to finish (or for {@code group-commit-window}, or until {@code group-commit-max-updates}
 * are waiting), and they are written together: one unlogged batch per partition and size limit, all batches
 * concurrently. So an idle room pays one round trip and a busy one amortises it. Each append's stage completes
 * when Cassandra acknowledged its row at the configured consistency.
 *
 * <p>Keys are fixed when an append is accepted (time, this writer's id, a sequence), and every statement is
 * marked idempotent: the driver and the retry below may write a row twice, and it is still one row.
 */
public final class UpdateLog {

    private static final Logger log = LoggerFactory.getLogger(UpdateLog.class);
    /** The first retry's delay; each next one doubles, up to {@link #LONGEST_BACKOFF_MS}. */
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long LONGEST_BACKOFF_MS = 2_000;

    /** One accepted append: its key and payload, and the stage the core waits on. */
    record Append(String room, String document, int bucket, Instant at, long seq, byte[] payload, String userId,
            CompletableFuture<Void> done, long acceptedNanos) {
    }


    private final Supplier<HistoryStatements> statements;
    private final String writer;
    private final HistoryProperties properties;
    private final ScheduledExecutorService flusher;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<Void>> unacknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private List<Append> queue = new ArrayList<>();
    private boolean flushScheduled;
    private Instant lastAt;
    private int groupsInFlight;
    private volatile AppendMetrics metrics = AppendMetrics.NONE;

    public UpdateLog(Supplier<HistoryStatements> statements, String writer, HistoryProperties properties,
            ScheduledExecutorService flusher) {
        this.statements = statements;
        this.writer = writer;
        this.properties = properties;
        this.flusher = flusher;
    }

    public String writer() {
        return writer;
    }

    /** Where each append's latency and each failure is reported from now on. */
    public void report(AppendMetrics metrics) {
        this.metrics = metrics;
    }

    /** An accepted append: its log position (fixed now) and the stage that completes when its row is stored. */
    public record Accepted(LogPosition position, CompletableFuture<LogPosition> stored) {
    }

    /** Appends one update; the stage completes with its log position when it is stored, or fails when it could not be. */
    public CompletableFuture<LogPosition> append(String room, String document, byte[] payload, String userId) {
        return accept(room, document, payload, userId).stored();
    }

    /**
     * Appends one update and tells its position at once. Positions of this writer grow with each call, even if the
     * wall clock steps back: a snapshot covering up to one position then covers exactly the appends made before it.
     */
    public Accepted accept(String room, String document, byte[] payload, String userId) {
        Append a;
        boolean flushNow = false;
        boolean schedule = false;
        synchronized (this) {
            // Cassandra keeps milliseconds: a position known here compares with the row as it is read back.
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (lastAt != null && at.isBefore(lastAt)) {
                at = lastAt;
            }
            lastAt = at;
            a = new Append(room, document, Buckets.hour(at), at, sequence.incrementAndGet(), payload, userId,
                    new CompletableFuture<>(), System.nanoTime());
            unacknowledged.add(a.done());
            queue.add(a);
            if (groupsInFlight < properties.getGroupCommitMaxInFlight() || queue.size() >= properties.getGroupCommitMaxUpdates()) {
                flushNow = true;
            } else if (!flushScheduled) {
                flushScheduled = true;
                schedule = true;
            }
        }
        if (flushNow) {
            // Non-blocking (executeAsync): written from the caller's thread, no hop.
            flush();
        } else if (schedule) {
            flusher.schedule(this::flush, properties.getGroupCommitWindow().toNanos(), TimeUnit.NANOSECONDS);
        }
        a.done().whenComplete((v, e) -> unacknowledged.remove(a.done()));
        LogPosition position = new LogPosition(a.at(), writer, a.seq());
        return new Accepted(position, a.done().thenApply(v -> position));
    }

    /** Writes what is queued now. */
    void flush() {
        List<Append> group;
        synchronized (this) {
            flushScheduled = false;
            if (queue.isEmpty()) {
                return;
            }
            group = queue;
            queue = new ArrayList<>();
            groupsInFlight++;
        }
        List<CompletableFuture<Void>> written = new ArrayList<>(group.size());
        group.forEach(a -> written.add(a.done()));
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            boolean more;
            synchronized (this) {
                groupsInFlight--;
                more = !queue.isEmpty();
            }
            if (more) {
                flusher.execute(this::flush);
            }
            return null;
        });
        groups.incrementAndGet();
        appended.addAndGet(group.size());
        HistoryStatements s;
        try {
            s = statements.get();
        } catch (RuntimeException e) {
            group.forEach(a -> a.done().completeExceptionally(e));
            return;
        }
        Map<String, List<Append>> partitions = new LinkedHashMap<>();
        for (Append a : group) {
            partitions.computeIfAbsent(a.room() + '\u0000' + a.document() + '\u0000' + a.bucket(), k -> new ArrayList<>()).add(a);
        }
        for (List<Append> partition : partitions.values()) {
            Append first = partition.get(0);
            CompletionStage<Void> bucket = registerBucket(s, first.room(), Buckets.document(first.document()), first.bucket());
            List<Append> chunk = new ArrayList<>();
            int bytes = 0;
            for (Append a : partition) {
                if (!chunk.isEmpty() && bytes + a.payload().length > properties.getGroupCommitMaxBatchBytes()) {
                    write(s, chunk, bucket);
                    chunk = new ArrayList<>();
                    bytes = 0;
                }
                chunk.add(a);
                bytes += a.payload().length;
            }
            write(s, chunk, bucket);
        }
    }

    private void write(HistoryStatements s, List<Append> chunk, CompletionStage<Void> bucket) {
        Statement<?> statement;
        if (chunk.size() == 1) {
            statement = bind(s, chunk.get(0));
        } else {
            BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED).setIdempotence(true);
            chunk.forEach(a -> batch.addStatement(bind(s, a)));
            statement = batch.build();
        }
        executeWithRetry(s, statement, 1, retryDeadline()).thenCombine(bucket, (a, b) -> null).whenComplete((v, err) -> {
            long now = System.nanoTime();
            AppendMetrics report = metrics;
            for (Append a : chunk) {
                if (err == null) {
                    report.stored(now - a.acceptedNanos());
                    a.done().complete(null);
                } else {
                    report.failed();
                    a.done().completeExceptionally(new HistoryUnavailableException("the update could not be stored in Cassandra: "
                            + HistoryDatabase.rootMessage(err), err));
                }
            }
        });
    }

    /** When retries of a statement written now stop: {@code vetnet.history.append-retry-for} from now. */
    private long retryDeadline() {
        return System.nanoTime() + properties.getAppendRetryFor().toNanos();
    }

    /**
     * Writes the statement, and again after a growing pause while it fails, until {@code deadline}: a Cassandra
     * node that stalls for a few seconds (a GC pause, a lost connection the driver reopens) delays an update's
     * broadcast instead of leaving it unsent (docs/reliability.md, rule 1). The statements are idempotent.
     */
    private CompletionStage<AsyncResultSet> executeWithRetry(HistoryStatements s, Statement<?> statement, int attempt, long deadline) {
        return s.session().executeAsync(statement).handle((rs, err) -> {
            if (err == null) {
                if (attempt > 1) {
                    log.info("history append stored after {} attempts", attempt);
                }
                return CompletableFuture.completedFuture(rs);
            }
            long pause = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt - 1, 10));
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                return CompletableFuture.<AsyncResultSet>failedFuture(err);
            }
            if (attempt == 1) {
                log.warn("history append failed ({}); writing the same rows again for up to {}", HistoryDatabase.rootMessage(err),
                        properties.getAppendRetryFor());
            } else {
                log.debug("history append failed (attempt {}), writing the same rows again", attempt, err);
            }
            CompletableFuture<AsyncResultSet> retry = new CompletableFuture<>();
            flusher.schedule(() -> executeWithRetry(s, statement, attempt + 1, deadline).whenComplete((r, e) -> {
                if (e == null) {
                    retry.complete(r);
                } else {
                    retry.completeExceptionally(e);
                }
            }), pause, TimeUnit.MILLISECONDS);
            return retry;
        }).thenCompose(f -> f);
    }

    /** Records that a stream has rows in a bucket, once per process; the appends of the bucket wait for it. */
    CompletionStage<Void> registerBucket(HistoryStatements s, String room, String stream, int bucket) {
        String key = room + '\u0000' + stream + '\u0000' + bucket;
        if (knownBuckets.contains(key)) {
            return CompletableFuture.completedFuture(null);
        }
        return executeWithRetry(s, s.get("insertBucket").bind(room, stream, bucket).setIdempotent(true), 1, retryDeadline())
                .thenAccept(rs -> knownBuckets.add(key));
    }

    /** Typed setters: bind(Object...) looks a codec up by each value's class, once per value and update. */
    private BoundStatement bind(HistoryStatements s, Append a) {
        return s.get("insertUpdate").boundStatementBuilder()
                .setString(0, a.room()).setString(1, a.document()).setInt(2, a.bucket()).setInstant(3, a.at())
                .setString(4, writer).setLong(5, a.seq()).setByteBuffer(6, ByteBuffer.wrap(a.payload()))
                .setString(7, a.userId()).setIdempotence(true).build();
    }

    /** Writes everything queued and waits for every append not yet acknowledged; for drain on shutdown. */
    public CompletableFuture<Void> drain() {
        flusher.execute(this::flush);
        List<CompletableFuture<Void>> pending = new ArrayList<>(unacknowledged);
        synchronized (this) {
            queue.forEach(a -> pending.add(a.done()));
        }
        return CompletableFuture.allOf(pending.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new));
    }

    /** Appends accepted but not yet acknowledged. */
    public int pending() {
        return unacknowledged.size();
    }

    /** Groups written and appends in them, for the benchmark. */
    public long[] groupStats() {
        return new long[] {groups.get(), appended.get()};
    }
}
