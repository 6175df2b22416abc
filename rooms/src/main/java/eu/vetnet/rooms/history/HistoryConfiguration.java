package eu.vetnet.rooms.history;

import eu.vetnet.rooms.metrics.LatencyTimers;
import eu.vetnet.rooms.room.RoomStore;
import eu.vetnet.storage.CassandraProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the Cassandra history (the default, {@code vetnet.history.store=cassandra}). With
 * {@code vetnet.history.store=memory} nothing here is created, and the core's in-memory storage and room store are
 * (web/InMemoryStoresConfiguration): each side is chosen by the same property, nothing is removed by name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HistoryProperties.class, CassandraProperties.class})
@ConditionalOnProperty(name = "vetnet.history.store", havingValue = "cassandra", matchIfMissing = true)
public class HistoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HistoryConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService historyTimer() {
        return Executors.newSingleThreadScheduledExecutor(named("history-commit-"));
    }

    /** Loads and snapshot checks (CPU work), bounded, never a driver or Netty thread. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService historyCpu() {
        return Executors.newFixedThreadPool(2, named("history-cpu-"));
    }

    @Bean(destroyMethod = "close")
    HistoryDatabase historyDatabase(CassandraProperties properties, ScheduledExecutorService historyTimer,
            ObjectProvider<ObservationRegistry> observations) {
        HistoryDatabase database = new HistoryDatabase(properties, historyTimer,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        database.start();
        return database;
    }

    @Bean
    UpdateLog historyUpdateLog(HistoryDatabase historyDatabase, HistoryProperties properties, ScheduledExecutorService historyTimer,
            ObjectProvider<MeterRegistry> meters) {
        String writer = writerId();
        log.info("history: writer id {}", writer);
        UpdateLog updateLog = new UpdateLog(historyDatabase::statements, writer, properties, historyTimer);
        meters.ifAvailable(registry -> updateLog.report(appendMetrics(registry)));
        return updateLog;
    }

    /** Append latency (a histogram, for quantiles and alerts) and failures (docs/operations.md, "Watching VET-NET"). */
    static AppendMetrics appendMetrics(MeterRegistry registry) {
        Timer latency = LatencyTimers.histogram(registry, "vetnet.history.append",
                "from an update's acceptance to Cassandra's acknowledgement of its row");
        Counter failures = Counter.builder("vetnet.history.append.failures")
                .description("appends that failed after their retries (their updates were not broadcast)").register(registry);
        return new AppendMetrics() {
            @Override
            public void stored(long nanos) {
                latency.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void failed() {
                failures.increment();
            }
        };
    }

    @Bean
    SessionEvents historySessionEvents(HistoryDatabase historyDatabase, UpdateLog historyUpdateLog, HistoryProperties properties) {
        return new SessionEvents(historyDatabase::statements, historyUpdateLog, properties.getSessionsMaxEventsPerPage());
    }

    @Bean(destroyMethod = "close")
    CassandraHistory cassandraHistory(HistoryDatabase historyDatabase, UpdateLog historyUpdateLog, SessionEvents historySessionEvents,
            HistoryProperties properties, ExecutorService historyCpu) {
        return new CassandraHistory(historyDatabase, historyUpdateLog, historySessionEvents, properties, historyCpu);
    }

    @Bean
    CassandraAccessRequests cassandraAccessRequests(HistoryDatabase historyDatabase) {
        return new CassandraAccessRequests(historyDatabase::statements);
    }

    /** {@code /actuator/health} is UP once rooms can be stored (the launcher and load balancers wait for it). */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator historyHealthIndicator(HistoryDatabase historyDatabase) {
        return new HistoryHealth(historyDatabase);
    }

    @Bean
    CassandraRoomImages cassandraRoomImages(HistoryDatabase historyDatabase) {
        return new CassandraRoomImages(historyDatabase::statements);
    }

    @Bean
    CassandraRoomPeople cassandraRoomPeople(HistoryDatabase historyDatabase) {
        return new CassandraRoomPeople(historyDatabase::statements);
    }

    /** Session dossiers (docs/rooms.md, "Session dossier"). */
    @Bean
    CassandraDossiers cassandraDossiers(HistoryDatabase historyDatabase, ObjectProvider<JsonMapper> json) {
        return new CassandraDossiers(historyDatabase::statements, json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    /** Consents to list one's attendance (docs/rooms.md, "Attendance"). */
    @Bean
    CassandraAttendanceConsents cassandraAttendanceConsents(HistoryDatabase historyDatabase) {
        return new CassandraAttendanceConsents(historyDatabase::statements);
    }

    /** Session schedules and the automatic dossiers (docs/rooms.md, "Session dossier"). */
    @Bean
    CassandraSchedules cassandraSchedules(HistoryDatabase historyDatabase) {
        return new CassandraSchedules(historyDatabase::statements);
    }

    /** Publications (docs/rooms.md, "Publishing"). */
    @Bean
    CassandraPublications cassandraPublications(HistoryDatabase historyDatabase, ObjectProvider<JsonMapper> json) {
        return new CassandraPublications(historyDatabase::statements, json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    /** Proposals and the inbox (docs/dialogue.md, "Follow-up"). */
    @Bean
    CassandraFollowUp cassandraFollowUp(HistoryDatabase historyDatabase, ObjectProvider<JsonMapper> json) {
        return new CassandraFollowUp(historyDatabase::statements, json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    RoomStore cassandraRoomStore(HistoryDatabase historyDatabase, ObjectProvider<JsonMapper> json) {
        return new CassandraRoomStore(historyDatabase::statements, json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    /** Unique per process: a restarted server never reuses a (writer, sequence) key of its previous life. */
    static String writerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
