package eu.vetnet.rooms.history;

import com.datastax.oss.driver.api.core.CqlSession;
import io.micrometer.observation.ObservationRegistry;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import eu.vetnet.storage.CassandraProperties;
import eu.vetnet.storage.CassandraSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cassandra session of the history: connects in the background at start (the room server starts without
 * Cassandra, and refuses rooms until it is there), applies the schema when missing, prepares the statements.
 */
public final class HistoryDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryDatabase.class);
    static final String SCHEMA_RESOURCE = "/eu/vetnet/rooms/history/schema.cql";

    private final CassandraProperties properties;
    private final ScheduledExecutorService timer;
    private final ObservationRegistry observations;
    private final CompletableFuture<HistoryStatements> ready = new CompletableFuture<>();
    private volatile CqlSession session;
    private volatile boolean closed;
    private int attempts;

    public HistoryDatabase(CassandraProperties properties, ScheduledExecutorService timer) {
        this(properties, timer, ObservationRegistry.NOOP);
    }

    /** @param observations observes the requests made inside an HTTP request's observation (docs/operations.md) */
    public HistoryDatabase(CassandraProperties properties, ScheduledExecutorService timer, ObservationRegistry observations) {
        this.properties = properties;
        this.timer = timer;
        this.observations = observations;
    }

    /** Starts connecting; returns at once. */
    public void start() {
        connect();
    }

    /** The statements once connected and the schema is in place; a failed stage while Cassandra is not reachable. */
    public HistoryStatements statements() {
        HistoryStatements s = ready.getNow(null);
        if (s == null) {
            throw new HistoryUnavailableException("the history store (Cassandra at " + properties.getContactPoints()
                    + ") is not reachable yet: rooms are refused until it is; start it with ./vetnet services start cassandra");
        }
        return s;
    }

    /** Completes when the session is ready (for tests and the benchmark). */
    public CompletableFuture<HistoryStatements> whenReady() {
        return ready;
    }

    private void connect() {
        if (closed) {
            return;
        }
        attempts++;
        long started = System.nanoTime();
        CassandraSessions.connect(properties, observations)
                .thenCompose(s -> {
                    session = s;
                    if (closed) {
                        s.closeAsync();
                        throw new HistoryUnavailableException("closed while connecting");
                    }
                    return properties.isCreateSchema() ? applySchema(s) : CompletableFuture.completedFuture(null);
                })
                .thenCompose(v -> HistoryStatements.prepare(session, properties.getKeyspace()))
                .whenComplete((statements, err) -> {
                    if (err == null) {
                        log.info("history: Cassandra at {} (datacenter {}), keyspace {}, consistency {}: ready in {} ms{}",
                                properties.getContactPoints(), properties.getLocalDatacenter(), properties.getKeyspace(),
                                properties.getConsistency(), (System.nanoTime() - started) / 1_000_000,
                                properties.isCreateSchema() ? " (schema applied where missing)" : "");
                        ready.complete(statements);
                        return;
                    }
                    CqlSession failed = session;
                    session = null;
                    if (failed != null) {
                        failed.closeAsync();
                    }
                    if (closed) {
                        return;
                    }
                    String message = "history: Cassandra at " + properties.getContactPoints() + " is not reachable ("
                            + rootMessage(err) + "); rooms are refused (close 1013, try again) until it is. Retrying every "
                            + properties.getReconnectEvery().toSeconds() + " s. Embedded run: ./vetnet services start cassandra;"
                            + " tests without Cassandra: vetnet.history.store=memory";
                    if (attempts == 1 || attempts % 12 == 0) {
                        log.warn(message);
                    } else {
                        log.debug(message);
                    }
                    timer.schedule(this::connect, properties.getReconnectEvery().toMillis(), TimeUnit.MILLISECONDS);
                });
    }

    private CompletionStage<Void> applySchema(CqlSession s) {
        return CassandraSessions.apply(s, schemaStatements(properties.getKeyspace(), properties.getReplication()), properties);
    }

    /** The statements of deploy/cassandra/schema.cql with the keyspace and replication filled in. */
    static List<String> schemaStatements(String keyspace, String replication) {
        String text;
        try (InputStream in = HistoryDatabase.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new HistoryUnavailableException(SCHEMA_RESOURCE + " is missing from the jar (rooms/pom.xml copies deploy/cassandra/schema.cql)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HistoryUnavailableException("could not read " + SCHEMA_RESOURCE, e);
        }
        try {
            return CassandraSessions.scriptStatements(text, keyspace, replication);
        } catch (IllegalArgumentException e) {
            throw new HistoryUnavailableException(e.getMessage());
        }
    }

    /** Every row of a paged result, page after page, without blocking. */
    static CompletionStage<Void> forEachRow(CompletionStage<AsyncResultSet> first, Consumer<Row> action) {
        return first.thenCompose(rs -> {
            for (Row row : rs.currentPage()) {
                action.accept(row);
            }
            return rs.hasMorePages() ? forEachRow(rs.fetchNextPage(), action) : CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Every row of a paged result, each page handed to {@code action} on {@code executor} (CPU work off the driver's
     * threads), the next page fetched only after it: memory holds one page, whatever the result's size.
     */
    static CompletionStage<Void> forEachRow(CompletionStage<AsyncResultSet> first, Executor executor, Consumer<Row> action) {
        return first.thenComposeAsync(rs -> {
            for (Row row : rs.currentPage()) {
                action.accept(row);
            }
            return rs.hasMorePages() ? forEachRow(rs.fetchNextPage(), executor, action) : CompletableFuture.<Void>completedFuture(null);
        }, executor);
    }

    static String rootMessage(Throwable err) {
        return CassandraSessions.rootMessage(err);
    }

    @Override
    public void close() {
        closed = true;
        CqlSession s = session;
        if (s != null) {
            s.close();
        }
    }
}
