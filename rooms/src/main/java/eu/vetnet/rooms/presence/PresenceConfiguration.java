package eu.vetnet.rooms.presence;

import eu.vetnet.redis.RedisClientOptions;
import eu.vetnet.redis.RedisKeys;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.room.RoomStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Presence, the room server registry and room leases: Redis ({@code vetnet.presence.store=redis}, default) or in-process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PresenceConfiguration.class);

    @Bean
    LocalPresence localPresence(PresenceProperties properties) {
        String node = properties.getNodeId().isBlank() ? generatedNodeId() : properties.getNodeId();
        return new LocalPresence(node);
    }

    @Bean
    RedisKeys presenceRedisKeys(PresenceProperties properties) {
        return new RedisKeys(properties.getKeyPrefix());
    }

    /**
     * Notifications from the community server, for the people whose app listens here: through Redis whatever the
     * presence store (nothing is subscribed until an app's stream listens; while Redis is away it listens again).
     */
    @Bean
    LiveNotifications liveNotifications(ReactiveStringRedisTemplate redis, RedisKeys keys, ObjectProvider<JsonMapper> json) {
        return new LiveNotifications(redis, keys, mapper(json));
    }

    /** Fail fast while Redis is away instead of queueing heartbeats that would all fire at once later. */
    @Bean
    LettuceClientConfigurationBuilderCustomizer presenceLettuceOptions() {
        return builder -> builder.clientOptions(RedisClientOptions.failFast());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vetnet.presence.store", havingValue = "redis", matchIfMissing = true)
    static class Redis {

        @Bean(destroyMethod = "close")
        RedisPresence redisPresence(ReactiveStringRedisTemplate redis, LocalPresence localPresence, RedisKeys keys,
                PresenceProperties properties, ObjectProvider<JsonMapper> json, Environment env) {
            String url = properties.getAdvertisedUrl().isBlank()
                    ? "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8081"))
                    : properties.getAdvertisedUrl();
            // Started (heartbeats) and stopped (leaves the registry) as a SmartLifecycle.
            RedisPresence presence = new RedisPresence(redis, localPresence, keys, properties, mapper(json), url);
            log.info("presence: node {} ({}) heartbeats to Redis every {} with TTL {}; in-process while Redis is away",
                    localPresence.node(), url, properties.getHeartbeat(), properties.getTtl());
            return presence;
        }

        @Bean(destroyMethod = "close")
        Notices presenceNotices(ReactiveStringRedisTemplate redis, RedisKeys keys, ObjectProvider<JsonMapper> json,
                LocalPresence localPresence, ObjectProvider<RoomServer> roomServer, ObjectProvider<RoomStore> roomStore) {
            Notices notices = new Notices(redis, keys, mapper(json));
            // Providers: the room server depends on the hooks, and the hooks (leases) on the notices.
            notices.listen(new NoticeHandler(localPresence.node(), roomServer::getIfAvailable, roomStore::getObject));
            return notices;
        }

        /** Every room store tells the other servers about archived rooms and removed people. */
        @Bean
        static BeanPostProcessor noticingRoomStore(ObjectProvider<Notices> notices, ObjectProvider<LocalPresence> local) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof RoomStore store && !(bean instanceof NoticingRoomStore)) {
                        return new NoticingRoomStore(store, notices.getObject(), local.getObject().node());
                    }
                    return bean;
                }
            };
        }

        @Bean(destroyMethod = "close")
        RoomLeases roomLeases(ReactiveStringRedisTemplate redis, RedisKeys keys, LocalPresence localPresence,
                PresenceProperties properties, Notices presenceNotices, ObjectProvider<RoomServer> roomServer) {
            // The room server is looked up lazily: its hooks need these leases.
            return new RoomLeases(redis, keys, localPresence.node(), properties.getLeaseTtl(), properties.getLeaseMargin(),
                    properties.getCommandTimeout(), new RoomLeases.Listener() {
                        @Override
                        public void lost(String room, String owner) {
                            // Another server holds the room now: the clients reconnect and the gateway sends them to
                            // the owner. The history log keeps whatever both wrote meanwhile.
                            roomServer.ifAvailable(server -> server.closeRoom(room,
                                    "room " + room + " moved to another server: reconnect"));
                            presenceNotices.publish(new Notices.Notice(Notices.Notice.LEASE_LOST, room, null,
                                    localPresence.node())).subscribe();
                        }

                        @Override
                        public void expired(String room) {
                            // Not renewed in time: another server may take the room once Redis lets the key lapse.
                            // Updates still on their way are no longer acknowledged here (LeaseFence).
                            roomServer.ifAvailable(server -> server.closeRoom(room,
                                    "room " + room + " must move: this server lost its lease of it; reconnect"));
                        }
                    });
        }

        @Bean
        PresenceHook presenceHook(LocalPresence localPresence, RoomLeases roomLeases, ObjectProvider<MeterRegistry> meters) {
            meters.ifAvailable(registry -> {
                for (int event = 0; event < RoomLeases.EVENTS.size(); event++) {
                    int which = event;
                    FunctionCounter.builder("vetnet.rooms.leases", roomLeases, l -> l.events(which))
                            .tag("event", RoomLeases.EVENTS.get(event))
                            .description("room leases granted, refused, lost to another server, expired unrenewed")
                            .register(registry);
                }
                Gauge.builder("vetnet.rooms.leases.held", roomLeases, RoomLeases::held)
                        .description("rooms whose lease this server holds").register(registry);
            });
            return new PresenceHook(localPresence, roomLeases);
        }

        @Bean
        LeaseHandover leaseHandover(RedisPresence redisPresence, RoomLeases roomLeases, PresenceProperties properties) {
            return new LeaseHandover(redisPresence, roomLeases, properties.getRegistryLeaveWait());
        }

        @Bean
        LeasesEndpoint leasesEndpoint(LocalPresence localPresence, RoomLeases roomLeases) {
            return new LeasesEndpoint(localPresence.node(), roomLeases);
        }

        @Bean
        LeaseFence leaseFence(RoomLeases roomLeases) {
            return new LeaseFence(roomLeases);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vetnet.presence.store", havingValue = "memory")
    static class InProcess {

        @Bean
        InProcessPresence inProcessPresence(LocalPresence localPresence) {
            log.info("presence: in-process (vetnet.presence.store=memory): this server only, no leases");
            return new InProcessPresence(localPresence);
        }

        @Bean
        PresenceHook presenceHook(LocalPresence localPresence) {
            return new PresenceHook(localPresence, null);
        }
    }

    static JsonMapper mapper(ObjectProvider<JsonMapper> json) {
        return json.getIfAvailable(() -> JsonMapper.builder().build());
    }

    static String generatedNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
