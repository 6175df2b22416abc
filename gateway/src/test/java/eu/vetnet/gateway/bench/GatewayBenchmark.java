package eu.vetnet.gateway.bench;

import eu.vetnet.gateway.GatewayApplication;
import eu.vetnet.gateway.support.EchoServer;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.netty.handler.codec.http.HttpHeaders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the gateway adds to a room socket: WebSocket round-trip latency through the gateway against the same echo
 * server directly (same run, same JVM, interleaved), and upgrades per second (sign-in session, Origin check, token
 * relay, routing, upgrade on both hops). Prints a table. Everything runs in this one JVM on this machine.
 *
 * <pre>
 * mvn -q -pl identity,gateway -am install -DskipTests
 * mvn -q -pl gateway dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.cp)" eu.vetnet.gateway.bench.GatewayBenchmark [roundTrips] [upgrades]
 * </pre>
 * (gateway's classes first: its application.yaml must win over identity's.)
 */
public final class GatewayBenchmark {

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the in-process issuer's threads would keep the JVM alive

    }

    private static void run(String[] args) throws Exception {
        int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int upgrades = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        TestIssuer.start();
        try (EchoServer echo = new EchoServer("bench", 1 << 20)) {
            ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                    "--server.port=" + TestIssuer.GATEWAY_PORT,
                    "--vetnet.gateway.oidc.built-in-issuer-uri=" + TestIssuer.URI,
                    "--vetnet.gateway.rooms.instances=" + echo.uri(),
                    "--vetnet.gateway.websocket.allowed-origins=" + TestIssuer.GATEWAY,
                    "--logging.level.root=WARN");
            try {
                GatewayBrowser alice = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
                alice.signIn("alice", "alice-pass");
                Consumer<HttpHeaders> viaHeaders = h -> h.set("Origin", TestIssuer.GATEWAY).set("Cookie", alice.cookieHeader());
                URI via = URI.create("ws://localhost:" + TestIssuer.GATEWAY_PORT + "/ws/rooms/bench/board");
                URI direct = URI.create("ws://localhost:" + echo.uri().getPort() + "/ws/rooms/bench/board");

                Sockets.Client viaClient = open(via, viaHeaders);
                Sockets.Client directClient = open(direct, h -> { });
                String payload = "x".repeat(64);
                // Warm-up, then interleave: both paths see the same machine load.
                roundTrips(viaClient, directClient, payload, roundTrips / 4);
                long[][] rtts = roundTrips(viaClient, directClient, payload, roundTrips);
                viaClient.close();
                directClient.close();

                double viaRate = upgradesPerSecond(via, viaHeaders, upgrades / 4);
                viaRate = upgradesPerSecond(via, viaHeaders, upgrades);
                double directRate = upgradesPerSecond(direct, h -> { }, upgrades);

                System.out.printf("%nGateway benchmark: %d round trips of %d-byte text frames, %d upgrades (%d cores)%n",
                        roundTrips, payload.length(), upgrades, Runtime.getRuntime().availableProcessors());
                System.out.printf("%-26s %10s %10s %10s %10s %10s%n", "round trip (us)", "p50", "p90", "p99", "p99.9", "max");
                print("direct to room server", rtts[1]);
                print("through gateway", rtts[0]);
                long[] added = new long[] {pct(rtts[0], 50) - pct(rtts[1], 50), pct(rtts[0], 90) - pct(rtts[1], 90),
                        pct(rtts[0], 99) - pct(rtts[1], 99), pct(rtts[0], 99.9) - pct(rtts[1], 99.9)};
                System.out.printf("%-26s %10.1f %10.1f %10.1f %10.1f%n", "added by gateway", added[0] / 1e3, added[1] / 1e3,
                        added[2] / 1e3, added[3] / 1e3);
                System.out.printf("%n%-26s %10s%n", "upgrades", "per second");
                System.out.printf("%-26s %10.0f%n", "direct to room server", directRate);
                System.out.printf("%-26s %10.0f%n", "through gateway", viaRate);
            } finally {
                gateway.close();
            }
        }
    }

    private static Sockets.Client open(URI uri, Consumer<HttpHeaders> headers) throws Exception {
        Sockets.Client client = Sockets.open(uri, headers, null, 1 << 20);
        if (client.handshakeStatus.get(10, TimeUnit.SECONDS) != 101) {
            throw new IllegalStateException("upgrade to " + uri + " failed");
        }
        client.next(Duration.ofSeconds(10)); // the echo server's hello
        return client;
    }

    /** Nanosecond round trips: [0] through the gateway, [1] direct, alternating. */
    private static long[][] roundTrips(Sockets.Client via, Sockets.Client direct, String payload, int n) throws Exception {
        long[][] out = new long[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = roundTrip(via, payload);
            out[1][i] = roundTrip(direct, payload);
        }
        return out;
    }

    private static long roundTrip(Sockets.Client client, String payload) throws Exception {
        long start = System.nanoTime();
        client.send(payload);
        if (client.next(Duration.ofSeconds(10)) == null) {
            throw new IllegalStateException("no echo within 10 s");
        }
        return System.nanoTime() - start;
    }

    /** Opens {@code n} sockets, 32 at a time in flight, and closes each once upgraded. */
    private static double upgradesPerSecond(URI uri, Consumer<HttpHeaders> headers, int n) throws Exception {
        long start = System.nanoTime();
        List<Sockets.Client> inFlight = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inFlight.add(Sockets.open(uri, headers, null, 1 << 20));
            if (inFlight.size() == 32 || i == n - 1) {
                for (Sockets.Client c : inFlight) {
                    if (c.handshakeStatus.get(30, TimeUnit.SECONDS) != 101) {
                        throw new IllegalStateException("upgrade failed");
                    }
                    c.close();
                }
                inFlight.clear();
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void print(String label, long[] ns) {
        System.out.printf("%-26s %10.1f %10.1f %10.1f %10.1f %10.1f%n", label, pct(ns, 50) / 1e3, pct(ns, 90) / 1e3,
                pct(ns, 99) / 1e3, pct(ns, 99.9) / 1e3, Arrays.stream(ns).max().orElse(0) / 1e3);
    }

    private static long pct(long[] ns, double p) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
