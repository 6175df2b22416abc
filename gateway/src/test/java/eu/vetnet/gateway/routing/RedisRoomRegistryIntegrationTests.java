package eu.vetnet.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.redis.RedisKeys;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Against a real Redis holding what room servers write (docs/history-and-presence.md): the gateway sees the
 * live servers, sends a room to the server holding its lease, and moves it when that server's heartbeat goes.
 */
class RedisRoomRegistryIntegrationTests {

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private RedisRoomServerInstances registry;
    private final String a = "node-a-" + UUID.randomUUID();
    private final String b = "node-b-" + UUID.randomUUID();
    private final RedisKeys keys = new RedisKeys("vetnet-test-" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeEach
    void start() {
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        URI uri = URI.create("redis://" + address.host() + ":" + address.port());
        client = RedisClient.create(uri.toString());
        connection = client.connect();
        redis = connection.sync();
        redis.del(keys.nodes());
        heartbeat(a, "http://127.0.0.1:18081");
        heartbeat(b, "http://127.0.0.1:18082");
        registry = new RedisRoomServerInstances(uri, keys, Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        registry.close();
        redis.del(keys.nodes(), keys.node(a), keys.node(b));
        connection.close();
        client.shutdown();
    }

    private void heartbeat(String node, String url) {
        redis.sadd(keys.nodes(), node);
        redis.psetex(keys.node(node), 6_000, "{\"id\":\"" + node + "\",\"url\":\"" + url + "\"}");
    }

    private List<ServiceInstance> awaitLive(int count) {
        return registry.live().filter(l -> l.size() == count).blockFirst(Duration.ofSeconds(10));
    }



    private static String chooseWithOwner(RoomOwnerLoadBalancer balancer, String roomId, List<ServiceInstance> live) {
        return balancer.choose(new org.springframework.cloud.client.loadbalancer.DefaultRequest<>(
                new org.springframework.cloud.client.loadbalancer.RequestDataContext(
                        new org.springframework.cloud.client.loadbalancer.RequestData(
                                org.springframework.http.HttpMethod.GET, URI.create("http://gateway/ws/rooms/" + roomId + "/board"),
                                new org.springframework.http.HttpHeaders(), new org.springframework.util.LinkedMultiValueMap<>(), java.util.Map.of()))))
                .block(Duration.ofSeconds(10)).getServer().getInstanceId();
    }

    @Test
    void liveServersComeFromTheRegistryAndDeadOnesDropOut() {
        assertEquals(2, awaitLive(2).size());
        redis.del(keys.node(b)); // its heartbeat lapsed
        List<ServiceInstance> live = awaitLive(1);
        assertEquals(a, live.get(0).getInstanceId());
        assertEquals(18081, live.get(0).getPort());
    }

    @Test
    void aRoomGoesToTheServerHoldingItsLeaseAndMovesWhenThatServerDies() {
        awaitLive(2);
        String room = "room-" + UUID.randomUUID();
        List<ServiceInstance> live = registry.live().blockFirst(Duration.ofSeconds(10));
        String byHash = RendezvousHashing.choose(room, live).orElseThrow().getInstanceId();
        String other = byHash.equals(a) ? b : a;
        redis.psetex(keys.owner(room), 10_000, other);
        RoomOwnerLoadBalancer balancer = new RoomOwnerLoadBalancer(new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return StaticRoomServerInstances.SERVICE_ID;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return registry.live();
            }
        }, registry);
        assertEquals(other, chooseWithOwner(balancer, room, live), "the lease holder wins over the hash");

        redis.del(keys.node(other)); // the owner died; its lease still names it until it lapses
        awaitLive(1);
        assertEquals(byHash, chooseWithOwner(balancer, room, live), "a dead owner is passed over");
    }
}
