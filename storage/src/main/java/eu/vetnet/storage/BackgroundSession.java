package eu.vetnet.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's Cassandra session, opened in the background: connects at start and again until it can (a server starts
 * before Cassandra is up and answers 503 until then), applies the server's schema file, prepares its statements.
 * The community and learning servers each hold one (docs/operations.md, "Cassandra").
 */
public final class BackgroundSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundSession.class);

    /** A connected session and its prepared statements, by name. */
    public record Ready(CqlSession session, Map<String, PreparedStatement> statements) {
        public PreparedStatement get(String name) {
            PreparedStatement p = statements.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no statement " + name);
            }
            return p;
        }
    }

    private final String name;
    private final CassandraProperties properties;
    private final Class<?> schemaOwner;
    private final String schemaResource;
    private final Map<String, String> statements;
    private final Function<String, RuntimeException> unavailable;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<Ready> ready = new CompletableFuture<>();
    private volatile boolean closed;
    private int attempts;
    private ObservationRegistry observations = ObservationRegistry.NOOP;

    /**
     * @param name           the server's name in logs and errors ("community", "learning")
     * @param schemaOwner    the class whose loader holds {@code schemaResource}
     * @param schemaResource an absolute resource path of the CQL schema file ({@code ${keyspace}} filled in)
     * @param statements     CQL by name, {@code %s} standing for the keyspace
     * @param unavailable    the server's 503 refusal, given the reason, for {@link #now()} before the session is ready
     */
    public BackgroundSession(String name, CassandraProperties properties, Class<?> schemaOwner, String schemaResource,
            Map<String, String> statements, Function<String, RuntimeException> unavailable) {
        this.name = name;
        this.properties = properties;
        this.schemaOwner = schemaOwner;
        this.schemaResource = schemaResource;
        this.statements = new LinkedHashMap<>(statements);
        this.unavailable = unavailable;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-cassandra-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Observes requests made inside an HTTP request's observation (spans, timers); call before {@link #start}. */
    public void observeWith(ObservationRegistry observations) {
        this.observations = observations;
    }

    public void start() {
        connect();
    }

    /** Completes once connected, the schema in place and the statements prepared. */
    public CompletableFuture<Ready> whenReady() {
        return ready;
    }

    /** The session now, or the server's 503 refusal while Cassandra is not reachable. */
    public Ready now() {
        Ready r = ready.getNow(null);
        if (r == null) {
            throw unavailable.apply("the " + name + " store (Cassandra at " + properties.getContactPoints()
                    + ") is not reachable yet; start it with ./vetnet services start cassandra");
        }
        return r;
    }

    /**
     * The row {@code statement} finds for one UUID key, read by {@code read}: empty when there is no such row, or when
     * the id is not a UUID at all (a mistyped link is a 404, not an error).
     */
    public <T> CompletionStage<Optional<T>> oneById(String statement, String id, Function<Row, T> read) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Ready db = now();
        return db.session().executeAsync(db.get(statement).bind(uuid)).thenApply(rs -> Optional.ofNullable(rs.one()).map(read));
    }

    /**
     * The rows an index partition lists (a person's practices, their enrolments): the UUIDs in column {@code id} of
     * {@code indexStatement} (bound to {@code key} and {@code limit}), each row read by {@link #oneById} side by side.
     */
    public <T> CompletionStage<List<T>> manyByIndex(String indexStatement, Object key, int limit, String rowStatement, Function<Row, T> read) {
        Ready db = now();
        return db.session().executeAsync(db.get(indexStatement).bind(key, limit)).thenCompose(rs -> {
            List<CompletableFuture<Optional<T>>> reads = new ArrayList<>();
            for (Row row : rs.currentPage()) {
                reads.add(oneById(rowStatement, row.getUuid("id").toString(), read).toCompletableFuture());
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(v -> reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        });
    }

    private void connect() {
        if (closed) {
            return;
        }
        attempts++;
        long started = System.nanoTime();
        CassandraSessions.connect(properties, observations).toCompletableFuture()
                .thenCompose(s -> (properties.isCreateSchema()
                        ? CassandraSessions.apply(s, schema(), properties).toCompletableFuture()
                        : CompletableFuture.<Void>completedFuture(null))
                        .thenCompose(v -> prepare(s))
                        .whenComplete((r, e) -> {
                            if (e != null) {
                                s.closeAsync();
                            }
                        }))
                .whenComplete((r, err) -> {
                    if (err == null) {
                        log.info("{}: Cassandra at {}, keyspace {}: ready in {} ms", name, properties.getContactPoints(),
                                properties.getKeyspace(), (System.nanoTime() - started) / 1_000_000);
                        if (closed) {
                            r.session().closeAsync();
                        } else {
                            ready.complete(r);
                        }
                        return;
                    }
                    if (attempts == 1 || attempts % 12 == 0) {
                        log.warn("{}: Cassandra at {} is not reachable ({}); retrying every {} s", name, properties.getContactPoints(),
                                CassandraSessions.rootMessage(err), properties.getReconnectEvery().toSeconds());
                    }
                    if (!closed) {
                        timer.schedule(this::connect, properties.getReconnectEvery().toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
    }

    private CompletableFuture<Ready> prepare(CqlSession s) {
        Map<String, PreparedStatement> prepared = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (var e : statements.entrySet()) {
            String cql = e.getValue().formatted(properties.getKeyspace());
            chain = chain.thenCompose(v -> s.prepareAsync(cql).toCompletableFuture()).thenAccept(p -> prepared.put(e.getKey(), p));
        }
        return chain.thenApply(v -> new Ready(s, Map.copyOf(prepared)));
    }

    /** The schema file's statements, keyspace and replication filled in. */
    public List<String> schema() {
        try (InputStream in = schemaOwner.getResourceAsStream(schemaResource)) {
            if (in == null) {
                throw new IllegalStateException(schemaResource + " is missing from the jar (the module's pom copies it from deploy/cassandra/)");
            }
            return CassandraSessions.scriptStatements(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    properties.getKeyspace(), properties.getReplication());
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + schemaResource, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        Ready r = ready.getNow(null);
        if (r != null) {
            r.session().close();
        }
    }
}
