package eu.vetnet.rooms.web;

import eu.vetnet.identity.AccessTokenDecoders;
import eu.vetnet.identity.IssuerKeys;
import eu.vetnet.rooms.auth.JwtAuthenticationHook;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.images.ImagesProperties;
import eu.vetnet.rooms.metrics.LatencyTimers;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.people.RoomPeopleHook;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.room.RoomAccessHook;
import eu.vetnet.rooms.room.RoomStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Wires the transport-agnostic core: the hooks (token, access list, storage), the pools, the metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RoomsProperties.class, ImagesProperties.class})
public class RoomServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoomServerConfiguration.class);

    /** Puts everyone who joins a room into its names directory (whichever store holds it). */
    @Bean
    RoomPeopleHook roomPeopleHook(RoomPeople roomPeople) {
        return new RoomPeopleHook(roomPeople);
    }

    @Bean
    ReactiveJwtDecoder roomsJwtDecoder(RoomsProperties properties,
            @Value("${vetnet.oidc.key-refetch-cooldown:30s}") Duration keyRefetchCooldown) {
        RoomsProperties.Auth auth = properties.getAuth();
        // Keys are fetched on the first token, not at startup: the room server starts before the issuer.
        IssuerKeys keys = new IssuerKeys(auth.getIssuerUri(), auth.getJwkSetUri(), keyRefetchCooldown);
        return AccessTokenDecoders.reactive(keys, auth.getIssuerUri(), auth.getAudience());
    }

    @Bean
    JwtAuthenticationHook jwtAuthenticationHook(ReactiveJwtDecoder roomsJwtDecoder) {
        return new JwtAuthenticationHook(roomsJwtDecoder);
    }

    @Bean
    RoomAccessHook roomAccessHook(RoomStore roomStore) {
        return new RoomAccessHook(roomStore);
    }

    @Bean(destroyMethod = "")
    ExecutorService roomWorkers(RoomsProperties properties) {
        return Executors.newFixedThreadPool(properties.getWorkerThreads(), named("room-lane-"));
    }

    @Bean(destroyMethod = "")
    ScheduledExecutorService roomTimer() {
        return Executors.newSingleThreadScheduledExecutor(named("room-timer-"));
    }

    // No inferred destroy method: RoomServerShutdown already ran shutdown() while the pools were alive, and a
    // second call from the container (after they stopped) only logged a RejectedExecutionException.
    @Bean(destroyMethod = "")
    RoomServer roomServer(RoomsProperties properties, List<RoomHook> hooks, ExecutorService roomWorkers,
            ScheduledExecutorService roomTimer, ObjectProvider<MeterRegistry> meters) {
        RoomServer server = new RoomServer(properties.getLimits().toLimits(), hooks, Policies::forDocument, roomWorkers, roomTimer);
        meters.ifAvailable(registry -> bind(server, registry));
        return server;
    }

    @Bean
    RoomServerShutdown roomServerShutdown(RoomServer server, ExecutorService roomWorkers, ScheduledExecutorService roomTimer,
            ObjectProvider<eu.vetnet.rooms.presence.LeaseHandover> handover) {
        return new RoomServerShutdown(server, roomWorkers, roomTimer, handover);
    }

    /**
     * Drains on shutdown (docs/reliability.md, rule 10): stores every open room and closes the sockets with 1001, before
     * the web server stops (a higher phase stops first). A stop is not the end: a context that is paused and started
     * again (Spring's test context cache does) takes rooms again; the pools end only when the context is closed.
     */
    static final class RoomServerShutdown implements org.springframework.context.SmartLifecycle, DisposableBean {
        private final RoomServer server;
        private final ExecutorService workers;
        private final ScheduledExecutorService timer;
        private final ObjectProvider<eu.vetnet.rooms.presence.LeaseHandover> handover;
        private volatile boolean running;

        RoomServerShutdown(RoomServer server, ExecutorService workers, ScheduledExecutorService timer,
                ObjectProvider<eu.vetnet.rooms.presence.LeaseHandover> handover) {
            this.server = server;
            this.workers = workers;
            this.timer = timer;
            this.handover = handover;
        }

        @Override
        public void start() {
            server.resume();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            // With Redis: out of the registry and the leases released first, so the clients closed below reconnect once.
            handover.ifAvailable(eu.vetnet.rooms.presence.LeaseHandover::handOver);
            try {
                server.shutdown().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.error("rooms were not all stored before shutdown", e);
            }
        }

        /** After every lifecycle stop of the context: nothing runs on the pools any more. */
        @Override
        public void destroy() {
            timer.shutdownNow();
            workers.shutdown();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return DEFAULT_PHASE - 512;
        }
    }

    private static void bind(RoomServer server, MeterRegistry registry) {
        FunctionCounter.builder("vetnet.rooms.updates", server, s -> s.stats().updates())
                .description("client updates applied").register(registry);
        FunctionCounter.builder("vetnet.rooms.update.cpu", server, s -> s.stats().updateCpuNanos() / 1e9)
                .baseUnit("seconds").description("CPU time spent inspecting and applying client updates").register(registry);
        FunctionCounter.builder("vetnet.rooms.deliveries", server, s -> s.stats().deliveries())
                .description("updates sent to other connections").register(registry);
        FunctionCounter.builder("vetnet.rooms.rejections", server, s -> s.stats().rejections())
                .description("updates rejected by policy or quota").register(registry);
        Gauge.builder("vetnet.rooms.open", server, s -> s.openRoomIds().size())
                .description("rooms loaded on this server").register(registry);
        Gauge.builder("vetnet.rooms.sockets", server, RoomServer::openSockets)
                .description("sockets open on this server").register(registry);
        Timer latency = LatencyTimers.histogram(registry, "vetnet.rooms.update.latency",
                "from an update's apply to its broadcast: the append to the history, and the hand-overs, included");
        server.reportUpdateLatency(nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));
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
