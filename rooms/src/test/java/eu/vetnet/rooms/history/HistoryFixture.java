package eu.vetnet.rooms.history;

import eu.vetnet.storage.CassandraProperties;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A CassandraHistory over the launcher's real Cassandra, in its own keyspace, without Spring. */
final class HistoryFixture implements AutoCloseable {

    static final String KEYSPACE = "vetnet_history_test";

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService cpu = Executors.newFixedThreadPool(2);
    /** The properties the fixture's log and history read (a test may change them between calls). */
    final HistoryProperties properties;
    final HistoryDatabase database;
    final UpdateLog updateLog;
    final SessionEvents events;
    final CassandraHistory history;

    HistoryFixture() {
        this(new HistoryProperties());
    }

    HistoryFixture(HistoryProperties historyProperties) {
        properties = historyProperties;
        ServiceAddress cassandra = LocalServices.ensureRunning(Service.CASSANDRA);
        CassandraProperties c = new CassandraProperties();
        c.setContactPoints(List.of(cassandra.host() + ":" + cassandra.port()));
        c.setKeyspace(KEYSPACE);
        c.setConsistency("ONE");
        c.setReconnectEvery(Duration.ofMillis(500));
        database = new HistoryDatabase(c, timer);
        database.start();
        database.whenReady().orTimeout(120, TimeUnit.SECONDS).join();
        updateLog = new UpdateLog(database::statements, HistoryConfiguration.writerId(), historyProperties, timer);
        events = new SessionEvents(database::statements, updateLog);
        history = new CassandraHistory(database, updateLog, events, historyProperties, cpu);
    }

    HistoryStatements statements() {
        return database.statements();
    }

    @Override
    public void close() {
        history.close();
        database.close();
        timer.shutdownNow();
        cpu.shutdownNow();
    }
}
