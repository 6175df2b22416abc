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
import eu.vetnet.testkit.TcpProxy;
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
        properties.setLeaseMargin(Duration.ofMillis(200));
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

    /** Leases of one simulated server; lost and expired rooms are written to the lists given. */
    private RoomLeases leases(String node, ReactiveStringRedisTemplate through, List<String> lost, List<String> expired) {
        return new RoomLeases(through, keys, node, properties.getLeaseTtl(), properties.getLeaseMargin(),
                properties.getCommandTimeout(), new RoomLeases.Listener() {
                    @Override
                    public void lost(String room, String owner) {
                        lost.add(room + "->" + owner);
                    }

                    @Override
                    public void expired(String room) {
                        expired.add(room);
                    }
                });
    }

    private RoomLeases leases(String node) {
        return leases(node, redis, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    }

    /** As a Redis that has been up for long: leases are granted at once (see the restart test for a young one). */
    private void redisUpForLong() {
        redis.opsForValue().set(keys.leasesSince(), "0").block();
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
        redisUpForLong();
        List<String> lostByA = new CopyOnWriteArrayList<>();
        RoomLeases a = leases("node-a", redis, lostByA, new CopyOnWriteArrayList<>());
        RoomLeases b = leases("node-b");
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

    /** The drain's first step ("Drain on shutdown"): out of the registry, one wait, then every lease free for another server. */
    @Test
    void aHandoverLeavesTheRegistryWaitsAndFreesEveryLeaseForAnotherServer() {
        redisUpForLong();
        RedisPresence a = server("node-a");
        RedisPresence b = server("node-b");
        RoomLeases leasesOfA = leases("node-a");
        RoomLeases leasesOfB = leases("node-b");
        opened.add(leasesOfB);
        await().atMost(Duration.ofSeconds(3)).until(() -> b.nodes().block().size() == 2);
        assertTrue(leasesOfA.acquire("room-h1").block().granted());
        assertTrue(leasesOfA.acquire("room-h2").block().granted());
        assertFalse(leasesOfB.acquire("room-h1").block().granted());

        long started = System.nanoTime();
        new LeaseHandover(a, leasesOfA, Duration.ofMillis(400)).handOver();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(tookMs >= 400, "released before the gateways could have read the registry again: " + tookMs + " ms");
        assertEquals(List.of("node-b"), b.nodes().block().stream().map(RedisPresence.Node::id).toList());
        assertTrue(leasesOfB.acquire("room-h1").block().granted(), "the room stayed blocked by the drained server");
        assertTrue(leasesOfB.acquire("room-h2").block().granted());
        assertFalse(leasesOfA.acquire("room-h3").block().granted(), "a draining server took a new lease");
        assertFalse(leasesOfA.valid("room-h1"));
    }

    @Test
    void aServerWhoseLeaseWasTakenIsTold() {
        redisUpForLong();
        List<String> lost = new CopyOnWriteArrayList<>();
        RoomLeases a = leases("node-a", redis, lost, new CopyOnWriteArrayList<>());
        a.start();
        opened.add(a);
        assertTrue(a.acquire("room-4").block().granted());

        redis.opsForValue().set(keys.owner("room-4"), "node-c", Duration.ofSeconds(30)).block();

        await().atMost(Duration.ofSeconds(3)).until(() -> lost.equals(List.of("room-4->node-c")));
        assertFalse(a.valid("room-4"));
    }

    /**
     * A partition (docs/history-and-presence.md, "Lease protocol"): the owner's connection to Redis goes silent while
     * another server reaches Redis. The owner must count its lease as ended, and say so, before the other server can
     * take the room; with several lease TTLs so the margin is seen at more than one scale.
     */
    @Test
    void anOwnerCutOffFromRedisStopsHoldingTheRoomBeforeAnotherServerCanTakeIt() throws Exception {
        for (Duration ttl : List.of(Duration.ofMillis(900), Duration.ofMillis(1500), Duration.ofSeconds(3))) {
            properties.setLeaseTtl(ttl);
            properties.setLeaseMargin(ttl.dividedBy(5));
            partitionOnce("room-p-" + ttl.toMillis());
        }
    }

    private void partitionOnce(String room) throws Exception {
        redisUpForLong();
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        try (TcpProxy proxy = new TcpProxy(address.host(), address.port())) {
            LettuceConnectionFactory proxied = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", proxy.port()),
                    LettuceClientConfiguration.builder().clientOptions(ClientOptions.builder()
                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build()).build());
            proxied.afterPropertiesSet();
            proxied.start();
            try {
                List<String> expired = new CopyOnWriteArrayList<>();
                List<String> lost = new CopyOnWriteArrayList<>();
                RoomLeases a = leases("node-a", new ReactiveStringRedisTemplate(proxied), lost, expired);
                RoomLeases b = leases("node-b");
                opened.add(b);
                a.start();
                b.start();
                assertTrue(a.acquire(room).block().granted());
                // Healthy: held through several renewals.
                long until = System.nanoTime() + properties.getLeaseTtl().multipliedBy(2).toNanos();
                while (System.nanoTime() < until) {
                    assertTrue(a.valid(room), "the owner lost a lease it renewed");
                    Thread.sleep(10);
                }

                proxy.cut();
                long cut = System.nanoTime();
                long invalidAt = 0;
                long expiredAt = 0;
                long takenAt = 0;
                while (takenAt == 0) {
                    long now = System.nanoTime();
                    if (invalidAt == 0 && !a.valid(room)) {
                        invalidAt = now;
                    }
                    if (expiredAt == 0 && !expired.isEmpty()) {
                        expiredAt = now;
                    }
                    if (b.acquire(room).block().granted()) {
                        takenAt = System.nanoTime();
                    }
                    assertTrue(now - cut < properties.getLeaseTtl().multipliedBy(3).toNanos(), "the other server never got the room");
                    Thread.sleep(5);
                }
                System.out.printf("lease TTL %d ms, margin %d ms: after the cut, the owner stopped holding at %d ms, closed the room"
                                + " at %d ms; the other server took it at %d ms%n", properties.getLeaseTtl().toMillis(),
                        properties.getLeaseMargin().toMillis(), (invalidAt - cut) / 1_000_000, (expiredAt - cut) / 1_000_000,
                        (takenAt - cut) / 1_000_000);
                assertTrue(invalidAt != 0 && invalidAt < takenAt, "the owner still held the room when the other server took it");
                assertTrue(expiredAt != 0 && expiredAt < takenAt, "the owner had not closed the room when the other server took it");
                assertEquals(List.of(room), expired);
                assertTrue(lost.isEmpty(), lost.toString());
                // What /actuator/leases tells an operator: the old owner's span ended before the new owner's began.
                RoomLeases.Holding old = a.holdings().stream().filter(h -> h.room().equals(room)).findFirst().orElseThrow();
                RoomLeases.Holding now = b.holdings().stream().filter(h -> h.room().equals(room)).findFirst().orElseThrow();
                assertTrue(old.ended() && !now.ended(), old + " " + now);
                assertTrue(old.until() <= now.since(), "the spans overlap: " + old + " and " + now);

                // The partition heals: late renewals reach Redis, but the room stays with its new owner.
                proxy.heal();
                Thread.sleep(properties.getLeaseTtl().toMillis());
                assertFalse(a.valid(room));
                assertEquals("node-b", b.owner(room).block());
                assertFalse(a.acquire(room).block().granted());
                a.close();
            } finally {
                proxied.destroy();
            }
        }
    }

    /**
     * A Redis that restarted empty (no persistence): a server that held a room takes its lease back on its next
     * renewal, and nobody else is granted any lease for one TTL after the restart, so no room gets two owners.
     */
    @Test
    void afterRedisLostItsKeysTheirHoldersTakeThemBackFirst() throws Exception {
        redisUpForLong();
        List<String> expired = new CopyOnWriteArrayList<>();
        RoomLeases a = leases("node-a", redis, new CopyOnWriteArrayList<>(), expired);
        RoomLeases b = leases("node-b");
        opened.add(a);
        opened.add(b);
        a.start();
        assertTrue(a.acquire("room-r").block().granted());

        // What a restart without persistence leaves: none of this prefix's keys.
        redis.delete(keys.owner("room-r"), keys.leasesSince()).block();
        long restarted = System.nanoTime();
        while (System.nanoTime() - restarted < properties.getLeaseTtl().multipliedBy(2).toNanos()) {
            RoomLeases.Claim claim = b.acquire("room-r").block();
            assertFalse(claim.granted(), "another server got a room whose holder had not come back yet");
            assertTrue(a.valid("room-r"), "the holder lost its room over a Redis restart");
            Thread.sleep(20);
        }
        assertEquals("node-a", b.owner("room-r").block());
        assertTrue(expired.isEmpty(), expired.toString());

        // A room nobody held is granted once this Redis is one TTL old.
        assertTrue(b.acquire("room-s").block().granted());
    }

    @Test
    void aYoungRedisGrantsNoLeaseForOneTtl() throws Exception {
        RoomLeases a = leases("node-a");
        opened.add(a);
        long first = System.nanoTime();
        RoomLeases.Claim claim = a.acquire("room-y").block();
        assertFalse(claim.granted());
        assertTrue(claim.refusal().contains("Redis restart"), claim.refusal());
        await().atMost(properties.getLeaseTtl().plusSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> a.acquire("room-y").block().granted());
        long waited = (System.nanoTime() - first) / 1_000_000;
        assertTrue(waited >= properties.getLeaseTtl().toMillis() - 50, "granted after " + waited + " ms");
    }

    @Test
    void withoutRedisNoLeaseIsGranted() throws Exception {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 9),
                LettuceClientConfiguration.builder().clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build()).build());
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RoomLeases a = leases("node-a", new ReactiveStringRedisTemplate(nowhere), new CopyOnWriteArrayList<>(),
                    new CopyOnWriteArrayList<>());
            RoomLeases.Claim claim = a.acquire("room-n").block();
            assertFalse(claim.granted());
            assertTrue(claim.refusal().contains("cannot be reached"), claim.refusal());
            assertFalse(a.valid("room-n"));
        } finally {
            nowhere.destroy();
        }
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
