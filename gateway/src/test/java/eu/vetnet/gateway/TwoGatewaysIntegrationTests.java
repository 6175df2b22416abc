package eu.vetnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.gateway.support.EchoServer;
import eu.vetnet.gateway.support.EchoServers;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTestProperties;
import eu.vetnet.gateway.support.LogoutTokens;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateways, A and B, on different ports sharing the launcher's real Redis (vetnet.gateway.session.store=redis),
 * as behind a load balancer: a browser signs in through A and uses B with the same cookie; a sign-out reaching one
 * closes the sockets held by the other; the rate limit is one budget; an idle session closes its sockets.
 *
 * <p>B's socket sweep is set to an hour, so a socket held through B can only be closed by a sign-out message from
 * the other gateway, never by B noticing on its own that the session is gone. A sweeps every second (idle test).
 */
class TwoGatewaysIntegrationTests {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);
    private static final int BURST = 4;

    private static ConfigurableApplicationContext gatewayA;
    private static ConfigurableApplicationContext gatewayB;
    private static URI a;
    private static URI b;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        String redisUri = "redis://" + address.host() + ":" + address.port();
        client = RedisClient.create(redisUri);
        connection = client.connect();
        redis = connection.sync();
        TestIssuer.start();
        // A takes the port the built-in issuer redirects back to: every sign-in below goes through A.
        a = URI.create(TestIssuer.GATEWAY);
        int portB = TestIssuer.freePort();
        b = URI.create("http://localhost:" + portB);
        gatewayA = gateway(TestIssuer.GATEWAY_PORT, redisUri, Duration.ofSeconds(1));
        gatewayB = gateway(portB, redisUri, Duration.ofHours(1));
    }

    private static ConfigurableApplicationContext gateway(int port, String redisUri, Duration sweep) {
        Map<String, Object> p = GatewayTestProperties.properties();
        p.put("server.port", port);
        p.put("vetnet.gateway.session.store", "redis");
        p.put("vetnet.gateway.redis.uri", redisUri);
        p.put("vetnet.gateway.session.idle-timeout", IDLE_TIMEOUT.toSeconds() + "s");
        p.put("vetnet.gateway.session.socket-sweep-interval", sweep.toMillis() + "ms");
        // Next to no refill: the budget a test spends is the budget it sees.
        p.put("vetnet.gateway.rate-limit.replenish-per-second", "0.001");
        p.put("vetnet.gateway.rate-limit.burst", BURST);
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class).run(args);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {gatewayB, gatewayA}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
    }

    private static HttpResponse<String> get(URI gateway, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).header("Accept", "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static GatewayBrowser signedInOnA(String user) throws Exception {
        GatewayBrowser browser = new GatewayBrowser(a);
        browser.signIn(user, user + "-pass");
        return browser;
    }

    private static String subject(GatewayBrowser browser) throws Exception {
        return (String) JSONObjectUtils.parse(get(a, "/api/me", browser.cookieHeader()).body()).get("id");
    }

    /** A room socket through {@code gateway}, from the product's page (one public Origin, whichever gateway serves it). */
    private static Sockets.Client socket(URI gateway, GatewayBrowser browser, String room, String firstFrame) {
        return Sockets.open(URI.create("ws://localhost:" + gateway.getPort() + "/ws/rooms/" + room),
                h -> h.set("Origin", TestIssuer.GATEWAY).set("Cookie", browser.cookieHeader()), firstFrame, 1 << 20);
    }

    private static Sockets.Client openSocket(URI gateway, GatewayBrowser browser, String room) throws Exception {
        Sockets.Client socket = socket(gateway, browser, room, null);
        assertEquals(101, socket.handshakeStatus.get(10, TimeUnit.SECONDS));
        assertNotNull(socket.next(Duration.ofSeconds(10)), "the room server's hello");
        return socket;
    }

    private static String sessionKey(GatewayBrowser browser) {
        return "vetnet:session:sessions:" + browser.cookie("SESSION").orElseThrow();
    }

    @Test
    void aBrowserSignedInOnAIsSignedInOnBAndItsSessionLivesInRedisForTheIdleTimeout() throws Exception {
        GatewayBrowser alice = signedInOnA("alice");

        HttpResponse<String> me = get(b, "/api/me", alice.cookieHeader());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals("alice", JSONObjectUtils.parse(me.body()).get("username"));
        long ttl = redis.pttl(sessionKey(alice));
        assertTrue(ttl > IDLE_TIMEOUT.toMillis() - 10_000 && ttl <= IDLE_TIMEOUT.toMillis(),
                "the session's TTL is the idle timeout, renewed by the request on B: " + ttl + " ms");
        assertEquals(401, get(b, "/api/me", "SESSION=not-a-session").statusCode());
    }

    @Test
    void theRateLimitIsOneBudgetPerUserAcrossBothGateways() throws Exception {
        GatewayBrowser paula = signedInOnA("paula");
        redis.del("vetnet:ratelimit:" + subject(paula)); // a bucket left by an earlier run
        String cookie = paula.cookieHeader();

        List<Integer> spent = new ArrayList<>();
        for (URI gateway : List.of(a, a, b, b)) {
            spent.add(get(gateway, "/api/admin/users", cookie).statusCode());
        }
        HttpResponse<String> overOnB = get(b, "/api/admin/users", cookie);
        HttpResponse<String> overOnA = get(a, "/api/admin/users", cookie);

        assertFalse(spent.contains(429), "the burst of " + BURST + " is allowed, two on each gateway: " + spent);
        assertEquals(429, overOnB.statusCode(), "B alone has served only 2 of " + BURST + ": it counts A's too");
        assertEquals("0", overOnB.headers().firstValue("X-RateLimit-Remaining").orElse(null));
        assertEquals(429, overOnA.statusCode());
    }

    @Test
    void logoutOnAClosesTheSocketHeldThroughBWith4401() throws Exception {
        GatewayBrowser fabio = signedInOnA("fabio");
        Sockets.Client throughB = openSocket(b, fabio, "two-gateways/logout");
        String session = sessionKey(fabio);
        String cookie = fabio.cookieHeader(); // taken before the logout clears it

        assertEquals(302, fabio.post("/logout", Map.of("X-XSRF-TOKEN", fabio.cookie("XSRF-TOKEN").orElseThrow())).statusCode());

        assertEquals(4401, throughB.closeCode.get(10, TimeUnit.SECONDS));
        assertEquals(0, redis.exists(session), "the session left Redis");
        assertEquals(401, get(b, "/api/me", cookie).statusCode());
    }

    @Test
    void backChannelLogoutReachingBEndsASessionSignedInOnAEverywhere() throws Exception {
        GatewayBrowser ada = signedInOnA("ada");
        String subject = subject(ada);
        Sockets.Client throughA = openSocket(a, ada, "two-gateways/back-channel");
        Sockets.Client throughB = openSocket(b, ada, "two-gateways/back-channel");

        // B never saw ada sign in: it finds her session through the links in Redis.
        assertEquals(200, LogoutTokens.deliver(b, LogoutTokens.forSubject(subject)));

        assertEquals(4401, throughB.closeCode.get(10, TimeUnit.SECONDS));
        assertEquals(4401, throughA.closeCode.get(10, TimeUnit.SECONDS));
        assertEquals(0, redis.exists(sessionKey(ada)), "the session left Redis");
        assertEquals(401, get(a, "/api/me", ada.cookieHeader()).statusCode());
        assertEquals(401, get(b, "/api/me", ada.cookieHeader()).statusCode());
    }

    @Test
    void aSocketHeldThroughBGetsRenewedTokensWithoutExtendingTheSessionsIdleTime() throws Exception {
        GatewayBrowser fabio = signedInOnA("fabio");
        Sockets.Client socket = openSocket(b, fabio, "two-gateways/renewal");
        EchoServer.Upgrade upgrade = java.util.stream.Stream.of(EchoServers.A, EchoServers.B)
                .flatMap(server -> server.upgrades().stream()).filter(u -> u.path().endsWith("two-gateways/renewal"))
                .findFirst().orElseThrow();
        long previous = redis.pttl(sessionKey(fabio));

        // Tokens live 10 s (TestIssuer): two renewals come within the 20 s idle timeout. The session is read from and
        // written to Redis for each (RedisStoredSessions), and its TTL must only ever go down.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(19);
        while (upgrade.renewals().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long ttl = redis.pttl(sessionKey(fabio));
            assertTrue(ttl <= previous + 50, "the TTL went from " + previous + " up to " + ttl + " ms: a renewal renewed the session");
            previous = ttl;
        }

        assertTrue(upgrade.renewals().size() >= 2, "renewals through B with sessions in Redis: " + upgrade.renewals().size());
        assertFalse(socket.closeCode.isDone(), "the socket stayed open");
        System.out.printf("two gateways: %d renewals through B, session TTL down to %d ms, never extended%n",
                upgrade.renewals().size(), previous);
        socket.close();
    }

    @Test
    void aSessionLeftIdlePastItsTimeoutClosesItsSocketWith4401() throws Exception {
        GatewayBrowser alice = signedInOnA("alice");
        long lastUse = System.nanoTime(); // the upgrade below is the session's last use
        Sockets.Client socket = openSocket(a, alice, "two-gateways/idle");

        // Frames on the socket are not use of the session: half the idle timeout later it is still open.
        socket.send("typing");
        assertEquals("typing", socket.next(Duration.ofSeconds(5)));
        try {
            socket.closeCode.get(IDLE_TIMEOUT.toMillis() / 2, TimeUnit.MILLISECONDS);
            throw new AssertionError("closed before the idle timeout");
        } catch (TimeoutException stillOpen) {
            // as it should be
        }

        assertEquals(4401, socket.closeCode.get(IDLE_TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS));
        long idleFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastUse);
        assertTrue(idleFor >= IDLE_TIMEOUT.toMillis() - 1_000, "closed after " + idleFor + " ms idle");
        assertEquals(0, redis.exists(sessionKey(alice)), "Redis dropped the session");
        assertEquals(401, get(a, "/api/me", alice.cookieHeader()).statusCode());
    }

    @Test
    void prometheusOnEitherGatewayNeedsTheScrapeToken() throws Exception {
        for (URI gateway : List.of(a, b)) {
            HttpRequest.Builder scrape = HttpRequest.newBuilder(gateway.resolve("/actuator/prometheus"));
            assertEquals(401, http.send(scrape.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> allowed = http.send(scrape.header("Authorization", "Bearer " + GatewayTestProperties.METRICS_TOKEN)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, allowed.statusCode(), allowed.body());
        }
    }

    /**
     * The first-frame trap (docs/reliability.md) with the session read from Redis on every upgrade: the upgrade now continues
     * on a Lettuce thread, and EventLoopUpgradeStrategy must hand the handshake back to the connection's event loop
     * (without it 4 of 100 first frames were lost in one run). No first frame may be lost.
     */
    @Test
    void socketsThroughBSendingTheirFirstFrameAtOnceLoseNone() throws Exception {
        GatewayBrowser paula = signedInOnA("paula");
        int count = 200;
        List<Sockets.Client> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(socket(b, paula, "two-gateways/first-frame-" + (i % 7), "redis-sync-step-1 #" + i));
        }
        List<Integer> lost = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < count; i++) {
            Sockets.Client socket = sockets.get(i);
            assertEquals(101, socket.handshakeStatus.get(30, TimeUnit.SECONDS), "socket " + i + " upgraded");
            String expected = "redis-sync-step-1 #" + i;
            boolean seen = false;
            while (!seen) {
                String m = socket.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (m == null) {
                    break;
                }
                seen = m.equals(expected);
            }
            if (!seen || !EchoServer.RECEIVED.contains(expected)) {
                lost.add(i);
            }
        }
        sockets.forEach(Sockets.Client::close);
        assertEquals(List.of(), lost, "sockets whose first frame was lost, of " + count);
    }
}
