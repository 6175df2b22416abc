package eu.vetnet.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a VET-NET server opens its Cassandra session and applies its schema file. One place, so that the room server
 * and the community server time out, agree on consistency and fill in keyspace and replication the same way.
 */
public final class CassandraSessions {

    private CassandraSessions() {
    }

    /** A session builder for {@code properties}: contact points, datacenter, consistency and timeouts set. */
    public static CqlSessionBuilder builder(CassandraProperties properties) {
        CqlSessionBuilder builder = CqlSession.builder()
                .withLocalDatacenter(properties.getLocalDatacenter())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, properties.getRequestTimeout())
                        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, properties.getConsistency())
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, properties.getRequestTimeout().multipliedBy(4))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, properties.getRequestTimeout())
                        // A node that went away and came back is tried again at most reconnect-every apart (the
                        // driver's default backs off to 60 s: a minute of refused requests after a restart).
                        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, reconnectBase(properties))
                        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, properties.getReconnectEvery())
                        // Shutdown: writers drain before close, so nothing is left for a quiet period.
                        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_TIMEOUT, 3)
                        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, 3)
                        .build());
        for (String point : properties.getContactPoints()) {
            builder.addContactPoint(address(point));
        }
        return builder;
    }

    /**
     * Connects a session for {@code properties} whose requests made inside an observation (an HTTP request's) are
     * observed too: spans in the trace, a {@code vetnet.cassandra} timer ({@link ObservedSession}).
     */
    public static CompletionStage<CqlSession> connect(CassandraProperties properties, ObservationRegistry observations) {
        return builder(properties).buildAsync().thenApply(session -> observations.isNoop()
                ? session : new ObservedSession(session, observations));
    }

    private static Duration reconnectBase(CassandraProperties properties) {
        Duration second = Duration.ofSeconds(1);
        return properties.getReconnectEvery().compareTo(second) < 0 ? properties.getReconnectEvery() : second;
    }

    /**
     * The statements of a schema file ({@code --} comments, statements ending in {@code ;}) with {@code ${keyspace}}
     * and {@code ${replication}} filled in.
     *
     * @throws IllegalArgumentException when the keyspace is not a plain CQL identifier (it is pasted into CQL)
     */
    public static List<String> scriptStatements(String script, String keyspace, String replication) {
        if (!keyspace.matches("[a-zA-Z][a-zA-Z0-9_]{0,47}")) {
            throw new IllegalArgumentException("vetnet.cassandra.keyspace must be a plain CQL identifier, not '" + keyspace + "'");
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String cql = current.toString().strip();
                out.add(cql.substring(0, cql.length() - 1).replace("${keyspace}", keyspace).replace("${replication}", replication));
                current.setLength(0);
            }
        }
        return out;
    }

    /** Runs the statements one after the other (schema changes must not race), each with a generous timeout. */
    public static CompletionStage<Void> apply(CqlSession session, List<String> statements, CassandraProperties properties) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (String cql : statements) {
            // Schema changes take a second or more each on a small node: wait for agreement generously.
            Statement<?> statement = SimpleStatement.newInstance(cql).setTimeout(properties.getRequestTimeout().multipliedBy(6));
            chain = chain.thenCompose(v -> session.executeAsync(statement)).thenApply(rs -> null);
        }
        return chain;
    }

    /** The innermost cause's class and message: what an operator can act on. */
    public static String rootMessage(Throwable err) {
        Throwable t = err;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress(hostPort, 9042);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
