package eu.vetnet.rooms.history.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.history.Launcher;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Room servers as real processes over the launcher's Cassandra and Redis, driven by y-websocket clients:
 * kill -9 after others saw an update, SIGTERM with appends in flight, one owner per room across two servers.
 */
class RoomServerProcessIntegrationTests {

    private static final String KEYSPACE = "vetnet_process_test";
    /**
     * Long tests of real processes under faults: run by ./vetnet fault-suite beside the several-hosts suite, which proves
     * the same faults through gateways and a load balancer; the build's integration tests skip them (docs/several-hosts.md).
     * The crash under load (issue 19's test of "seen means stored") stays in every build.
     */
    static final String LONG_FAULTS = "long-faults";
    private static TokenIssuer issuer;
    private final String prefix = "vetnet-ptest-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void services() throws Exception {
        LocalServices.ensureRunning(Service.CASSANDRA);
        LocalServices.ensureRunning(Service.REDIS);
        issuer = new TokenIssuer();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private RoomServerProcess server(String node, String... extra) throws Exception {
        RoomServerProcess p = RoomServerProcess.start(node, issuer, KEYSPACE, prefix, extra);
        opened.add(p);
        return p;
    }

    private <T extends AutoCloseable> T open(T c) {
        opened.add(c);
        return c;
    }

    private String createRoom(RoomServerProcess server) throws Exception {
        return server.createRoom(issuer.token("fabio", "facilitator"), "{\"title\":\"crash test\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}");
    }

    /** Connects until the room is served (a refused join, 1013, is retried as a client's backoff would). */
    private YClient joinRetrying(RoomServerProcess server, String room, String user, String role, Duration within) throws Exception {
        return joinRetrying(server, room, user, role, within, null);
    }

    /** As above, for a client that already holds {@code state} (a reconnect: the sync sends the server what it lacks). */
    private YClient joinRetrying(RoomServerProcess server, String room, String user, String role, Duration within, byte[] state)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            YClient c = YClient.syncedOrNull(server.ws(), room, "notes", issuer.token(user, role), state);
            if (c != null) {
                return open(c);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("room " + room + " not served by " + server.node + " within " + within + ":\n" + server.tail());
            }
            Thread.sleep(300);
        }
    }

    private static void await(Duration within, java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void anUpdateOthersReceivedSurvivesKillDashNineOfTheRoomServer() throws Exception {
        RoomServerProcess first = server("kill-a");
        String room = createRoom(first);
        YClient alice = joinRetrying(first, room, "alice", "participant", Duration.ofSeconds(20));
        YClient fabio = joinRetrying(first, room, "fabio", "facilitator", Duration.ofSeconds(20));

        // Facilitators write every shared type; the notes policy keeps participants to their own notes.
        fabio.append("seen-before-the-crash ");
        await(Duration.ofSeconds(10), () -> alice.text().contains("seen-before-the-crash"), "alice never received the update");
        first.kill();

        RoomServerProcess second = server("kill-b");
        YClient later = joinRetrying(second, room, "fabio", "facilitator", Duration.ofSeconds(30));

        assertTrue(later.text().contains("seen-before-the-crash"), "after kill -9 and restart: '" + later.text() + "'");
    }

    /**
     * The other crash (docs/history-and-presence.md, "Saved means stored"): the server dies while an update's append
     * is still in flight (Cassandra away, the append being retried). Stored first, it reached nobody; its author's
     * client holds it unsaved and sends it again to the next server, which stores it; nobody else ever held an
     * update the room lost, so nobody is refused on reconnect.
     */
    @Test
    void anUpdateWhoseAppendWasInFlightWhenTheServerDiedIsStoredOnceItsAuthorReconnects() throws Exception {
        RoomServerProcess first = server("inflight-a");
        String room = createRoom(first);
        YClient alice = joinRetrying(first, room, "alice", "participant", Duration.ofSeconds(20));
        YClient fabio = joinRetrying(first, room, "fabio", "facilitator", Duration.ofSeconds(20));
        fabio.append("stored ");
        await(Duration.ofSeconds(10), () -> alice.text().contains("stored "), "alice never received the first update");

        byte[] fabioHolds;
        byte[] aliceHolds;
        Launcher.run("stop", "cassandra");
        try {
            fabio.append("in-flight ");
            // The server has it and retries its append; nobody may see it before it is stored.
            Thread.sleep(1_500);
            assertFalse(alice.text().contains("in-flight"), "seen means stored: alice saw an update that is not stored");
            first.kill();
            fabioHolds = fabio.state();
            aliceHolds = alice.state();
        } finally {
            Launcher.cassandraBack();
        }
        alice.close();
        fabio.close();

        RoomServerProcess second = server("inflight-b");
        YClient aliceAgain = joinRetrying(second, room, "alice", "participant", Duration.ofSeconds(60), aliceHolds);
        YClient fabioAgain = joinRetrying(second, room, "fabio", "facilitator", Duration.ofSeconds(30), fabioHolds);
        await(Duration.ofSeconds(10), () -> aliceAgain.text().contains("stored in-flight "),
                "fabio's unsaved update did not reach the room after his reconnect: '" + aliceAgain.text() + "'");
        assertNull(aliceAgain.closed.getNow(null), "alice held nothing the room lost: nothing of hers is refused");
        assertNull(aliceAgain.rejected.getNow(null), "alice held nothing the room lost: she is not told to discard her copy");
        second.terminate(); // SIGTERM: a clean stop drains the appends (the JVM exits with 143)

        RoomServerProcess third = server("inflight-c");
        YClient fresh = joinRetrying(third, room, "alice", "participant", Duration.ofSeconds(30));
        assertTrue(fresh.text().contains("stored in-flight "), "stored in the history, read by someone holding nothing: '"
                + fresh.text() + "' (fabio held '" + fabioAgain.text() + "')");
    }

    /**
     * Issue 19's crash: kill -9 while two writers send a few hundred updates a second and appends hang, so that updates are at
     * every step between arriving, being appended and being broadcast. Every client then reconnects to the next server with what it holds,
     * the reader first (the order in which a reader holding an unstored update would be refused), and a server that
     * loads the room from the history serves everything any client saw, and everything each writer wrote.
     */
    @Test
    void killDashNineUnderLoadLosesNothingAnyClientSaw() throws Exception {
        RoomServerProcess first = server("load-a");
        String room = createRoom(first);
        YClient alice = joinRetrying(first, room, "alice", "participant", Duration.ofSeconds(20));
        List<YClient> writers = List.of(joinRetrying(first, room, "fabio", "facilitator", Duration.ofSeconds(20)),
                joinRetrying(first, room, "fabio", "facilitator", Duration.ofSeconds(20)));
        List<Thread> writing = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int w = 0; w < writers.size(); w++) {
            YClient writer = writers.get(w);
            String mark = "w" + w + "-";
            Thread t = new Thread(() -> {
                // Up to 200 updates a second each: busy, and under a socket's flood limit (500 messages a second).
                for (int i = 0; !stop.get(); i++) {
                    writer.append(mark + i + " ");
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            writing.add(t);
        }
        await(Duration.ofSeconds(20), () -> words(alice.text()).size() > 200, "alice received too little before the crash");
        // Appends hang while Cassandra is away: the moment between an update's arrival and its append, which is a
        // millisecond under load, lasts until the kill. A server that broadcast first would have shown alice updates
        // the history then lacks, and her reconnect below would be refused.
        Launcher.run("stop", "cassandra");
        byte[] aliceHolds;
        Set<String> aliceSaw;
        try {
            Thread.sleep(1_500);
            first.kill();
            stop.set(true);
            for (Thread t : writing) {
                t.join(10_000);
            }
            aliceHolds = alice.state();
            aliceSaw = words(alice.text());
        } finally {
            Launcher.cassandraBack();
        }
        List<byte[]> writersHold = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (YClient writer : writers) {
            writersHold.add(writer.state());
            written.addAll(words(writer.text()));
            writer.close();
        }
        alice.close();

        RoomServerProcess second = server("load-b");
        YClient aliceAgain = joinRetrying(second, room, "alice", "participant", Duration.ofSeconds(60), aliceHolds);
        for (byte[] held : writersHold) {
            joinRetrying(second, room, "fabio", "facilitator", Duration.ofSeconds(30), held);
        }
        await(Duration.ofSeconds(20), () -> words(aliceAgain.text()).containsAll(written),
                "the writers' unsaved updates did not reach the room after their reconnect");
        assertNull(aliceAgain.closed.getNow(null), "alice held nothing the room lost: nothing of hers is refused");
        assertNull(aliceAgain.rejected.getNow(null), "alice held nothing the room lost: she is not told to discard her copy");
        second.terminate();

        RoomServerProcess third = server("load-c");
        YClient fresh = joinRetrying(third, room, "alice", "participant", Duration.ofSeconds(30));
        Set<String> stored = words(fresh.text());
        Set<String> missing = new TreeSet<>(aliceSaw);
        missing.removeAll(stored);
        assertEquals(Set.of(), missing, "seen by alice before the crash, not in the history");
        missing.addAll(written);
        missing.removeAll(stored);
        assertEquals(Set.of(), missing, "written before the crash, not in the history after every writer reconnected");
        assertTrue(aliceSaw.size() > 200 && written.size() >= aliceSaw.size(), aliceSaw.size() + " seen, " + written.size() + " written");
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    @Test
    @Tag(LONG_FAULTS)
    void sigtermWithAppendsInFlightLosesNothingOthersSawAndClosesSockets() throws Exception {
        RoomServerProcess first = server("term-a");
        String room = createRoom(first);
        YClient alice = joinRetrying(first, room, "alice", "participant", Duration.ofSeconds(20));
        YClient fabio = joinRetrying(first, room, "fabio", "facilitator", Duration.ofSeconds(20));

        for (int i = 0; i < 200; i++) {
            fabio.append("u" + i + " ");
        }
        long started = System.nanoTime();
        System.out.println("SIGTERM sent at " + java.time.Instant.now());
        int exit = first.terminate();
        long exitMs = RoomServerProcess.sinceStart(started).toMillis();
        String seenByFabio = alice.text();
        Integer fabioClose = alice.closed.getNow(null);

        RoomServerProcess second = server("term-b");
        YClient later = joinRetrying(second, room, "fabio", "facilitator", Duration.ofSeconds(30));
        String stored = later.text();

        int received = seenByFabio.isEmpty() ? 0 : seenByFabio.trim().split(" ").length;
        int kept = stored.isEmpty() ? 0 : stored.trim().split(" ").length;
        System.out.printf("SIGTERM: exit %d in %d ms; alice saw %d of 200 updates, closed with %s; after restart %d are stored%n",
                exit, exitMs, received, fabioClose, kept);
        assertTrue(stored.startsWith(seenByFabio.trim()) || stored.contains(seenByFabio.trim()),
                "every update alice saw is stored: saw '" + seenByFabio + "', stored '" + stored + "'");
        assertTrue(first.log().contains("history:"), first.tail());
    }

    @Test
    @Tag(LONG_FAULTS)
    void twoServersOneOwnerPerRoomAndTheRoomMovesWhenTheOwnerIsKilled() throws Exception {
        RoomServerProcess a = server("owner-a");
        RoomServerProcess b = server("owner-b");
        String room = createRoom(a);
        YClient writer = joinRetrying(a, room, "fabio", "facilitator", Duration.ofSeconds(20));
        writer.append("on-a ");
        YClient reader = joinRetrying(a, room, "alice", "participant", Duration.ofSeconds(20));
        await(Duration.ofSeconds(10), () -> reader.text().contains("on-a"), "alice never received the update");

        // b is refused while a holds the lease (and keeps refusing: the lease is renewed).
        for (int i = 0; i < 3; i++) {
            assertNull(YClient.syncedOrNull(b.ws(), room, "notes", issuer.token("fabio", "facilitator")), "b served a room a owns");
            Thread.sleep(1000);
        }
        Thread.sleep(500);
        long killed = System.nanoTime();
        a.kill();

        YClient fabio = joinRetrying(b, room, "fabio", "facilitator", Duration.ofSeconds(20));
        long moved = RoomServerProcess.sinceStart(killed).toMillis();
        System.out.printf("room moved from owner-a to owner-b %d ms after kill -9 (lease TTL 3 s)%n", moved);
        assertTrue(fabio.text().contains("on-a"), fabio.text());
        assertNotNull(fabio);
    }

    /**
     * A partition (docs/history-and-presence.md, "Lease protocol"): the owner's connection to Redis goes silent while
     * its clients and Cassandra still reach it, and a client keeps asking another server for the room. The owner
     * closes the room before the other server gets it; nothing it broadcast (what a client saw) comes after that;
     * once everyone reconnected to the new owner, a later server's history holds everything anyone saw or wrote.
     */
    @Test
    @Tag(LONG_FAULTS)
    void anOwnerCutOffFromRedisStopsAcknowledgingBeforeAnotherServerTakesTheRoom() throws Exception {
        try (eu.vetnet.testkit.TcpProxy toRedis = new eu.vetnet.testkit.TcpProxy("127.0.0.1", Service.REDIS.address().port())) {
            RoomServerProcess owner = server("part-a", "--spring.data.redis.port=" + toRedis.port());
            RoomServerProcess other = server("part-b");
            String room = createRoom(owner);
            YClient fabio = joinRetrying(owner, room, "fabio", "facilitator", Duration.ofSeconds(20));
            YClient alice = joinRetrying(owner, room, "alice", "participant", Duration.ofSeconds(20));
            long[] aliceClosedAt = {0};
            alice.closed.thenRun(() -> aliceClosedAt[0] = System.nanoTime());

            // fabio writes every 20 ms; what alice saw, and when, is what the owner acknowledged.
            java.util.Map<String, Long> aliceSawAt = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread writing = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    fabio.append("p" + i + " ");
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread watching = new Thread(() -> {
                while (!stop.get()) {
                    long now = System.nanoTime();
                    for (String w : words(alice.text())) {
                        aliceSawAt.putIfAbsent(w, now);
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writing.start();
            watching.start();
            await(Duration.ofSeconds(10), () -> aliceSawAt.size() > 20, "alice saw too little before the partition");

            toRedis.cut();
            long cut = System.nanoTime();
            long takenAt;
            YClient elsewhere;
            while (true) {
                // The start of the attempt that succeeds: the other server took the lease after this.
                long attempt = System.nanoTime();
                elsewhere = YClient.syncedOrNull(other.ws(), room, "notes", issuer.token("fabio", "facilitator"));
                if (elsewhere != null) {
                    takenAt = attempt;
                    open(elsewhere);
                    break;
                }
                assertTrue(System.nanoTime() - cut < TimeUnit.SECONDS.toNanos(30), "the other server never got the room:\n" + other.tail());
                Thread.sleep(50);
            }
            stop.set(true);
            writing.join(5_000);
            watching.join(5_000);

            long lastSeen = aliceSawAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("partition of the owner from Redis (lease TTL 3 s, margin 1 s): owner closed the room %d ms after"
                            + " the cut, alice last saw an update at %d ms, the other server served the room from %d ms%n",
                    (aliceClosedAt[0] - cut) / 1_000_000, (lastSeen - cut) / 1_000_000, (takenAt - cut) / 1_000_000);
            assertEquals(Integer.valueOf(1001), alice.closed.getNow(null), "the owner did not close the room:\n" + owner.tail());
            assertTrue(aliceClosedAt[0] < takenAt, "the room had two owners: closed on the old one after the new one served it");
            assertTrue(lastSeen < takenAt, "the old owner acknowledged an update after the new one took the room");

            // Everyone reconnects to the new owner with what they hold.
            Set<String> aliceSaw = new HashSet<>(aliceSawAt.keySet());
            Set<String> written = words(fabio.text());
            YClient aliceAgain = joinRetrying(other, room, "alice", "participant", Duration.ofSeconds(20), alice.state());
            joinRetrying(other, room, "fabio", "facilitator", Duration.ofSeconds(20), fabio.state());
            await(Duration.ofSeconds(20), () -> words(aliceAgain.text()).containsAll(written), "fabio's updates did not reach the new owner");
            assertNull(aliceAgain.rejected.getNow(null), "alice was told to discard her copy");
            other.terminate();
            owner.terminate();

            RoomServerProcess later = server("part-c");
            Set<String> stored = words(joinRetrying(later, room, "alice", "participant", Duration.ofSeconds(30)).text());
            Set<String> missing = new TreeSet<>(aliceSaw);
            missing.addAll(written);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, "seen or written before the partition, not in the history");
            System.out.printf("partition: %d updates written, %d seen by alice before it, 0 lost%n", written.size(), aliceSaw.size());
        }
    }

    /**
     * What operators watch (docs/operations.md, "Watching VET-NET"): every metric the dashboard and the alerts read from
     * a room server is in its scrape, and counts what happened (a lease granted, sockets open, updates stored).
     */
    @Test
    void theMetricsTheDashboardAndAlertsReadAreServedAndCount() throws Exception {
        RoomServerProcess server = server("metrics-a");
        String room = createRoom(server);
        YClient fabio = joinRetrying(server, room, "fabio", "facilitator", Duration.ofSeconds(20));
        YClient alice = joinRetrying(server, room, "alice", "participant", Duration.ofSeconds(20));
        for (int i = 0; i < 20; i++) {
            fabio.append("m" + i + " ");
        }
        await(Duration.ofSeconds(10), () -> alice.text().contains("m19"), "alice never received the updates");

        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.http() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertFalse(eu.vetnet.testkit.ObservabilityAssets.metricsOf("vetnet-rooms").isEmpty());
        assertEquals(Set.of(), eu.vetnet.testkit.ObservabilityAssets.missingFrom(scrape, "vetnet-rooms"),
                "read by deploy/observability but not served by the room server");
        assertEquals(2.0, eu.vetnet.testkit.ObservabilityAssets.value(scrape, "vetnet_rooms_sockets", ""), scrape);
        assertEquals(1.0, eu.vetnet.testkit.ObservabilityAssets.value(scrape, "vetnet_rooms_open", ""));
        assertTrue(eu.vetnet.testkit.ObservabilityAssets.value(scrape, "vetnet_rooms_leases_total", "event=\"granted\"") >= 1);
        assertEquals(1.0, eu.vetnet.testkit.ObservabilityAssets.value(scrape, "vetnet_rooms_leases_held", ""));
        assertTrue(eu.vetnet.testkit.ObservabilityAssets.value(scrape, "vetnet_history_append_seconds_count", "") >= 20, "appends counted");
        assertTrue(eu.vetnet.testkit.ObservabilityAssets.value(scrape, "vetnet_rooms_update_latency_seconds_count", "") >= 20, "updates timed");
        assertEquals(0.0, eu.vetnet.testkit.ObservabilityAssets.value(scrape, "vetnet_history_append_failures_total", ""));
    }

    private static String get(RoomServerProcess server, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.http() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String redisGet(String key) throws Exception {
        Process p = new ProcessBuilder("redis-cli", "-p", String.valueOf(Service.REDIS.address().port()), "GET", key)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Test
    @Tag(LONG_FAULTS)
    void editingContinuesWhileRedisRestartsAndPresenceIsRebuiltWithinTheTtl() throws Exception {
        // A restart shorter than the lease (less its margin) keeps the room here: its lease is taken back on renewal.
        RoomServerProcess server = server("redis-a", "--vetnet.presence.lease-ttl=10s");
        String room = createRoom(server);
        YClient fabio = joinRetrying(server, room, "fabio", "facilitator", Duration.ofSeconds(20));
        YClient alice = joinRetrying(server, room, "alice", "participant", Duration.ofSeconds(20));
        String token = issuer.token("fabio", "facilitator");
        await(Duration.ofSeconds(10), () -> redisGetQuiet(prefix + ":presence:redis-a").contains("alice-id"),
                "alice never appeared in Redis");

        Launcher.run("stop", "redis");
        try {
            fabio.append("while-redis-is-down ");
            await(Duration.ofSeconds(10), () -> alice.text().contains("while-redis-is-down"), "editing stopped without Redis");
            // Without Redis the server answers with its own view.
            assertTrue(get(server, "/api/rooms/" + room + "/presence", token).contains("alice-id"));
        } finally {
            Launcher.run("start", "redis");
        }
        long back = System.nanoTime();
        await(Duration.ofSeconds(10), () -> redisGetQuiet(prefix + ":presence:redis-a").contains("alice-id"),
                "presence not rebuilt in Redis after its restart");
        System.out.printf("presence rebuilt in Redis %d ms after it was back (heartbeat 1 s, TTL 3 s)%n",
                RoomServerProcess.sinceStart(back).toMillis());
        fabio.append("after-redis-is-back ");
        await(Duration.ofSeconds(10), () -> alice.text().contains("after-redis-is-back"), "editing stopped after Redis came back");
        assertTrue(get(server, "/api/presence/nodes", token).contains("redis-a"));
    }

    private static String redisGetQuiet(String key) {
        try {
            return redisGet(key);
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void someoneRemovedOnAnotherServerIsClosedOnTheOwnerByANotice() throws Exception {
        RoomServerProcess owner = server("notice-a");
        RoomServerProcess other = server("notice-b");
        String room = createRoom(owner);
        YClient alice = joinRetrying(owner, room, "alice", "participant", Duration.ofSeconds(20));

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(other.http() + "/api/rooms/" + room + "/access"))
                .header("Authorization", "Bearer " + issuer.token("fabio", "facilitator"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"participants\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());

        Integer code = alice.closed.get(10, TimeUnit.SECONDS);
        assertEquals(4403, code, "alice's socket on the owner: " + code + "\n" + owner.tail());
    }
}
