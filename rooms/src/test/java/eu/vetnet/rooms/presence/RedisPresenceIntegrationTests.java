package eu.vetnet.rooms.presence;

import eu.vetnet.redis.RedisKeys;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.history.Launcher;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import io.lettuce.core.ClientOptions;
import tools.jackson.databind.json.JsonMapper;

/** Presence, registry and leases of two simulated room servers against the launcher's real Redis. */
class RedisPresenceIntegrationTests {

    private static LettuceConnectionFactory factory;
    private static ReactiveStringRedisTemplate redis;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final PresenceProperties properties = new PresenceProperties();
    private RedisKeys keys;

    @BeforeAll
    static void connect() {
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(address.host(), address.port()),
                LettuceClientConfiguration.builder().clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build()).build());
        factory.afterPropertiesSet();
        factory.start();
        redis = new ReactiveStringRedisTemplate(factory);
    }

    @AfterAll
    static void disconnect() {
        factory.destroy();
    }

    RedisPresenceIntegrationTests() {
        properties.setHeartbeat(Duration.ofMillis(300));
        properties.setTtl(Duration.ofSeconds(1));
        properties.setLeaseTtl(Duration.ofSeconds(1));
        properties.setKeyPrefix("vetnet-test-" + UUID.randomUUID().toString().substring(0, 8));
        keys = new RedisKeys(properties.getKeyPrefix());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // a crashed server's close may find Redis gone: nothing to clean then
            }
        }
    }

    private RedisPresence server(String node) {
        RedisPresence p = new RedisPresence(redis, new LocalPresence(node), keys, properties, JsonMapper.builder().build(),
                "http://" + node);
        p.start();
        opened.add(p);
        return p;
    }

    private LocalPresence local(RedisPresence p) throws Exception {
        var f = RedisPresence.class.getDeclaredField("local");
        f.setAccessible(true);
        return (LocalPresence) f.get(p);
    }

    private static RoomUser user(String name) {
        return new RoomUser(name + "-id", name, name, Set.of("participant"), null);
    }

    @Test
    void aJoinOnOneServerIsSeenFromAnother() throws Exception {
        RedisPresence a = server("node-a");
        RedisPresence b = server("node-b");
        local(a).join("room-1", "notes", user("alice"), RoomRole.PARTICIPANT);
        local(a).join("room-1", "board", user("alice"), RoomRole.PARTICIPANT);
        local(b).join("room-1", "notes", user("bob"), RoomRole.FACILITATOR);

        await().atMost(Duration.ofSeconds(5)).until(() -> Map.of("room-1", 2).equals(b.counts().block()));
        List<PresenceEntry> people = a.room("room-1").block();
        assertEquals(2, people.size());
        assertEquals(2, a.nodes().block().size());

        local(a).leave("room-1", "notes", user("alice"));
        local(a).leave("room-1", "board", user("alice"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Map.of("room-1", 1).equals(b.counts().block()));
    }

    @Test
    void aServerThatDiesVanishesWithItsPeopleWithinTheTtl() throws Exception {
        RedisPresence a = server("node-a");
        RedisPresence b = server("node-b");
        local(a).join("room-2", "notes", user("alice"), RoomRole.PARTICIPANT);
        await().atMost(Duration.ofSeconds(5)).until(() -> Map.of("room-2", 1).equals(b.counts().block()));

        a.crash();

        await().atMost(properties.getTtl().plusSeconds(3)).until(() -> b.counts().block().isEmpty());
        assertEquals(List.of("node-b"), b.nodes().block().stream().map(RedisPresence.Node::id).toList());
    }

    @Test
    void aRoomHasOneOwnerAndMovesWhenTheOwnerDies() {
        List<String> lostByA = new CopyOnWriteArrayList<>();
        RoomLeases a = new RoomLeases(redis, keys, "node-a", properties.getLeaseTtl(), properties.getCommandTimeout(),
                (room, owner) -> lostByA.add(room + "->" + owner));
        RoomLeases b = new RoomLeases(redis, keys, "node-b", properties.getLeaseTtl(), properties.getCommandTimeout(), (r, o) -> { });
        a.start();
        b.start();
        opened.add(b);

        assertTrue(a.acquire("room-3").block().granted());
        RoomLeases.Claim refused = b.acquire("room-3").block();
        assertFalse(refused.granted());
        assertEquals("node-a", refused.owner());
        // Renewals keep it with its owner for several TTLs.
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertFalse(b.acquire("room-3").block().granted());

        a.crash();

        await().atMost(properties.getLeaseTtl().plusSeconds(2)).until(() -> b.acquire("room-3").block().granted());
        assertEquals("node-b", b.owner("room-3").block());
        assertTrue(lostByA.isEmpty(), "a crashed server learns nothing: " + lostByA);
    }

    @Test
    void aServerWhoseLeaseWasTakenIsTold() {
        List<String> lost = new CopyOnWriteArrayList<>();
        RoomLeases a = new RoomLeases(redis, keys, "node-a", properties.getLeaseTtl(), properties.getCommandTimeout(),
                (room, owner) -> lost.add(room + "->" + owner));
        a.start();
        opened.add(a);
        assertTrue(a.acquire("room-4").block().granted());

        redis.opsForValue().set(keys.owner("room-4"), "node-c", Duration.ofSeconds(30)).block();

        await().atMost(Duration.ofSeconds(3)).until(() -> lost.equals(List.of("room-4->node-c")));
        assertFalse(a.holds("room-4"));
    }

    @Test
    void presenceIsRebuiltAfterRedisRestartsAndReadsServeTheLocalViewMeanwhile() throws Exception {
        RedisPresence a = server("node-a");
        RedisPresence b = server("node-b");
        local(a).join("room-5", "notes", user("alice"), RoomRole.PARTICIPANT);
        await().atMost(Duration.ofSeconds(5)).until(() -> Map.of("room-5", 1).equals(b.counts().block()));

        Launcher.run("stop", "redis");
        try {
            // Redis away: each server answers with what it knows itself, and keeps accepting joins.
            assertEquals(Map.of("room-5", 1), a.counts().block());
            assertEquals(Map.of(), b.counts().block());
            local(a).join("room-5", "board", user("carol"), RoomRole.OBSERVER);
            assertFalse(a.reachable());
        } finally {
            Launcher.run("start", "redis");
        }

        // Redis restarted empty: the next heartbeats refill it.
        await().atMost(properties.getTtl().plusSeconds(10)).until(() -> Map.of("room-5", 2).equals(b.counts().block()));
        assertTrue(a.reachable());
    }

    @Test
    void changesArePublishedAgainAfterRedisStalledWhileTheyKeptComing() throws Exception {
        // Heartbeats far apart: what the other server learns after the stall comes from publishing changes alone.
        properties.setHeartbeat(Duration.ofSeconds(30));
        properties.setTtl(Duration.ofSeconds(60));
        RedisPresence a = server("node-a");
        RedisPresence b = server("node-b");
        local(a).join("room-6", "notes", user("alice"), RoomRole.PARTICIPANT);
        await().atMost(Duration.ofSeconds(5)).until(() -> Map.of("room-6", 1).equals(b.counts().block()));

        // Redis stalls for 5 s (every client paused) while people keep coming and going: publishes time out after 1 s,
        // changes keep arriving every 50 ms.
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        io.lettuce.core.RedisClient admin = io.lettuce.core.RedisClient.create("redis://" + address.host() + ":" + address.port());
        try (var connection = admin.connect()) {
            connection.sync().clientPause(5_000);
        } finally {
            admin.shutdown();
        }
        long until = System.nanoTime() + Duration.ofMillis(5_500).toNanos();
        for (int i = 0; System.nanoTime() < until; i++) {
            local(a).join("room-6", "board", user("bob" + i), RoomRole.PARTICIPANT);
            local(a).leave("room-6", "board", user("bob" + i));
            Thread.sleep(50);
        }

        // Well before the next heartbeat, a join after the stall reaches the other server.
        local(a).join("room-7", "notes", user("dave"), RoomRole.PARTICIPANT);
        await().atMost(Duration.ofSeconds(5)).until(() -> Integer.valueOf(1).equals(b.counts().block().get("room-7")));
    }

    @Test
    void archivingARoomOrRemovingSomeoneIsNoticedByTheOtherServers() {
        Notices notices = new Notices(redis, keys, JsonMapper.builder().build());
        List<Notices.Notice> heard = new CopyOnWriteArrayList<>();
        var listening = notices.stream().subscribe(heard::add);
        try {
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
            eu.vetnet.rooms.room.RoomStore store = new NoticingRoomStore(new eu.vetnet.rooms.room.InMemoryRoomStore(), notices, "node-a");
            var access = new eu.vetnet.rooms.room.AccessList("fabio", List.of(), List.of("alice", "bob"), List.of());
            var room = new eu.vetnet.rooms.room.RoomRecord("room-6", "t", eu.vetnet.rooms.room.RoomKind.WORKSHOP, access,
                    List.of("notes"), List.of(), false, java.time.Instant.now());
            store.save(room).toCompletableFuture().join();
            store.save(room.withAccess(new eu.vetnet.rooms.room.AccessList("fabio", List.of(), List.of("bob"), List.of())))
                    .toCompletableFuture().join();
            store.save(room.archive()).toCompletableFuture().join();

            await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() >= 2);
            assertEquals(new Notices.Notice(Notices.Notice.USER_REMOVED, "room-6", "alice", "node-a"), heard.get(0));
            assertEquals(Notices.Notice.ROOM_ARCHIVED, heard.get(1).type());
        } finally {
            listening.dispose();
        }
    }
}
