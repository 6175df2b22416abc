package eu.vetnet.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * VET-NET as several hosts (docs/several-hosts.md): Redis, a three-node Cassandra cluster, the identity server, three
 * room servers, two gateways sharing sessions in Redis, and HAProxy in front of the gateways, each in its own network
 * namespace with its own address. Clients reach the product only through the load balancer, at {@link #publicUrl()}.
 */
final class Cluster implements AutoCloseable {

    /** Where the suite finds what it runs: jars, Cassandra's classpath and Java, and a folder for data and logs. */
    record Paths(Path repository, Path work, String java, String java17, String cassandraClasspath) {

        Path jar(String module) throws IOException {
            try (var files = Files.list(repository.resolve(module).resolve("target"))) {
                return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IOException("no " + module + "/target/*-exec.jar: build first"));
            }
        }
    }

    static final int ROOM_SERVERS = 3;
    static final int GATEWAYS = 2;
    static final int CASSANDRA_NODES = 3;
    static final String KEYSPACE = "vetnet_hosts";
    static final String CONSISTENCY = "LOCAL_QUORUM";
    private static final int GATEWAY_PORT = 8080;
    private static final int ROOMS_PORT = 8081;
    private static final int IDENTITY_PORT = 8090;
    /** Ports on this machine's loopback (and every host's, for the issuer), apart from a local ./vetnet run's. */
    private static final int PUBLIC_PORT = 18480;
    private static final int ISSUER_PORT = 18490;
    private static final Duration START = Duration.ofMinutes(4);
    /** SIGTERM to exit: the room server's drain is bounded by 40 s (docs/operations.md, "Drain"). */
    static final Duration DRAIN = Duration.ofSeconds(60);

    private final Paths paths;
    private final Network network;
    private final Path logs;
    final HostProcess redis;
    final List<HostProcess> cassandra = new ArrayList<>();
    final HostProcess identity;
    final List<HostProcess> rooms = new ArrayList<>();
    final List<HostProcess> gateways = new ArrayList<>();
    final HostProcess balancer;
    /** One per host that calls the issuer, and one for this machine (the suite's browsers): localhost:8090 to identity. */
    private final List<HostProcess> forwarders = new ArrayList<>();

    private Cluster(Paths paths, Network network) throws IOException {
        this.paths = paths;
        this.network = network;
        this.logs = Files.createDirectories(paths.work().resolve("logs"));
        redis = host("redis", 10, List.of("redis-server", "--bind", Network.SUBNET + ".10", "--port", "6379", "--save", "",
                "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no", "--logfile", ""), Map.of());
        for (int n = 1; n <= CASSANDRA_NODES; n++) {
            cassandra.add(cassandraNode(n));
        }
        forwarders.add(new HostProcess("issuer-forward-local", null, "127.0.0.1", forward(), Map.of(), logs));
        forwarders.add(new HostProcess("issuer-forward-identity", "identity", identityAddress(), forward(), Map.of(), logs));
        identity = host("identity", 30, javaJar("identity", "256m"), Map.of(
                "VETNET_IDENTITY_ISSUER_URI", issuerUrl(),
                "VETNET_IDENTITY_ISSUER_GATEWAY_REDIRECTURIS", publicUrl() + "/login/oauth2/code/vetnet",
                "VETNET_IDENTITY_ISSUER_GATEWAY_POSTLOGOUTREDIRECTURIS", publicUrl() + "/"));
        for (int n = 1; n <= ROOM_SERVERS; n++) {
            rooms.add(roomServer(n));
        }
        for (int n = 1; n <= GATEWAYS; n++) {
            gateways.add(gateway(n));
        }
        // The load balancer is the edge: on this machine, where the clients are, in front of the gateways' network.
        balancer = new HostProcess("balancer", null, "127.0.0.1",
                List.of("haproxy", "-db", "-f", writeHaproxyConfig().toString()), Map.of(), logs);
    }

    /** Makes the network and every host (not started yet). */
    static Cluster create(Paths paths) throws IOException {
        Files.createDirectories(paths.work());
        return new Cluster(paths, Network.create());
    }

    Network network() {
        return network;
    }

    /**
     * The product's address, as its users' browsers name it. Localhost, like the issuer's: the gateway's and identity's
     * production modes refuse plain HTTP and demo users anywhere else (docs/gateway.md and docs/identity.md,
     * "Production mode"), and this suite runs the demo issuer over HTTP.
     */
    String publicUrl() {
        return "http://localhost:" + PUBLIC_PORT;
    }

    /**
     * The issuer as every host names it: localhost, forwarded to the identity host ({@link #forwarders}). The built-in
     * issuer serves demo users, which its production mode refuses on any non-loopback address (docs/identity.md,
     * "Production mode"); the suite keeps that rule whole instead of switching it off.
     */
    private static String issuerUrl() {
        return "http://localhost:" + ISSUER_PORT;
    }

    private String identityAddress() {
        return Network.SUBNET + ".30";
    }

    String roomServerUrl(HostProcess server) {
        return "http://" + server.address + ":" + ROOMS_PORT;
    }

    String redisAddress() {
        return redis.address;
    }

    /** Starts everything in dependency order, printing each host as it comes up. */
    void start() throws Exception {
        timed(redis, () -> {
            redis.start();
            redis.awaitLog("Ready to accept connections", START);
        });
        HostProcess seed = cassandra.get(0);
        timed(seed, () -> {
            seed.start();
            seed.awaitLog("Startup complete", START);
        });
        // The other nodes join at once: auto_bootstrap is off (an empty cluster has nothing to stream), so they do
        // not wait for each other's bootstrap.
        for (HostProcess node : cassandra.subList(1, cassandra.size())) {
            node.start();
        }
        for (HostProcess node : cassandra.subList(1, cassandra.size())) {
            timed(node, () -> node.awaitLog("Startup complete", START));
        }
        awaitCassandraRing();
        timed(identity, () -> {
            identity.start();
            identity.awaitHttp("http://" + identityAddress() + ":" + IDENTITY_PORT + "/actuator/health", START);
        });
        for (HostProcess forwarder : forwarders) {
            forwarder.start();
        }
        forwarders.get(0).awaitHttp(issuerUrl() + "/actuator/health", START);
        for (HostProcess server : rooms) {
            server.start();
        }
        for (HostProcess server : rooms) {
            timed(server, () -> awaitRoomServer(server));
        }
        for (HostProcess gateway : gateways) {
            gateway.start();
        }
        for (HostProcess gateway : gateways) {
            timed(gateway, () -> awaitGateway(gateway));
        }
        timed(balancer, () -> {
            balancer.start();
            balancer.awaitHttp(publicUrl() + "/actuator/health", START);
        });
    }

    void awaitRoomServer(HostProcess server) throws Exception {
        server.awaitHttp(roomServerUrl(server) + "/actuator/health/readiness", START);
    }

    void awaitGateway(HostProcess gateway) throws Exception {
        gateway.awaitHttp("http://" + gateway.address + ":" + GATEWAY_PORT + "/actuator/health", START);
    }

    /** Waits until the seed sees every other node up (gossip), so that quorum writes have their replicas. */
    void awaitCassandraRing() throws Exception {
        HostProcess seed = cassandra.get(0);
        long deadline = System.nanoTime() + START.toNanos();
        for (HostProcess node : cassandra.subList(1, cassandra.size())) {
            while (!seed.sinceLatestStart().contains("/" + node.address + ":7000 is now UP")
                    && !node.sinceLatestStart().contains("/" + seed.address + ":7000 is now UP")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cassandra node " + node.name + " never came UP for the seed");
                }
                Thread.sleep(250);
            }
        }
    }

    /** Restarts a Cassandra node and waits until it serves and the others see it up again. */
    void restartCassandra(HostProcess node) throws Exception {
        String marker = "/" + node.address + ":7000 is now UP";
        Map<HostProcess, Integer> before = new LinkedHashMap<>();
        for (HostProcess other : cassandra) {
            if (other != node && other.alive()) {
                before.put(other, count(other.sinceLatestStart(), marker));
            }
        }
        node.start();
        node.awaitLog("Startup complete", START);
        long deadline = System.nanoTime() + START.toNanos();
        for (Map.Entry<HostProcess, Integer> other : before.entrySet()) {
            while (count(other.getKey().sinceLatestStart(), marker) <= other.getValue()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(other.getKey().name + " never saw " + node.name + " come back");
                }
                Thread.sleep(250);
            }
        }
    }

    private static int count(String text, String marker) {
        int n = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            n++;
        }
        return n;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void timed(HostProcess process, Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        System.out.printf("  %-10s up at %-12s in %5.1f s%n", process.name, process.address,
                (System.nanoTime() - started) / 1e9);
    }

    private HostProcess host(String name, int octet, List<String> command, Map<String, String> environment) throws IOException {
        String address = network.addHost(name, octet);
        return new HostProcess(name, name, address, command, environment, logs);
    }

    private List<String> javaJar(String module, String heap) throws IOException {
        return List.of(paths.java(), "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                paths.jar(module).toString());
    }

    private HostProcess cassandraNode(int n) throws IOException {
        String name = "cassandra" + n;
        String address = Network.SUBNET + "." + (20 + n);
        Path dir = paths.work().resolve(name);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path cassandraFolder = paths.repository().resolve("deploy/cassandra");
        String yaml = Files.readString(cassandraFolder.resolve("cassandra.yaml"))
                .replace("${DATA_DIR}", dir.toString())
                .replace("cluster_name: vetnet-test", "cluster_name: vetnet-hosts")
                .replaceAll("(?m)^listen_address:.*$", "listen_address: " + address)
                .replaceAll("(?m)^rpc_address:.*$", "rpc_address: " + address)
                .replace("\"127.0.0.1:7000\"", "\"" + Network.SUBNET + ".21:7000\"")
                + "\nauto_bootstrap: false\n";
        Files.writeString(conf.resolve("cassandra.yaml"), yaml);
        Files.writeString(conf.resolve("logback.xml"), Files.readString(cassandraFolder.resolve("logback.xml"))
                .replace("${DATA_DIR}", dir.toString()));
        List<String> command = new ArrayList<>(List.of(paths.java17(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true",
                "@" + cassandraFolder.resolve("jvm17.flags"),
                "-Dcassandra.config=file://" + conf.resolve("cassandra.yaml"),
                "-Dcassandra-foreground=yes",
                "-Dcassandra.storagedir=" + dir,
                "-Dcassandra.logdir=" + dir.resolve("logs"),
                "-Dlogback.configurationFile=file://" + conf.resolve("logback.xml"),
                "-Dcassandra.ring_delay_ms=1000", "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-cp", paths.cassandraClasspath(), "org.apache.cassandra.service.CassandraDaemon"));
        HostProcess node = host(name, 20 + n, command, Map.of());
        if (!node.address.equals(address)) {
            throw new IllegalStateException("address mix-up: " + node.address + " != " + address);
        }
        return node;
    }

    /** socat: localhost:8090 inside a host to the identity server. */
    private List<String> forward() {
        return List.of("socat", "TCP-LISTEN:" + ISSUER_PORT + ",bind=127.0.0.1,fork,reuseaddr",
                "TCP:" + identityAddress() + ":" + IDENTITY_PORT);
    }

    private String cassandraContactPoints() {
        return IntStream.rangeClosed(1, CASSANDRA_NODES).mapToObj(n -> Network.SUBNET + "." + (20 + n) + ":9042")
                .collect(Collectors.joining(","));
    }

    private HostProcess roomServer(int n) throws IOException {
        String name = "rooms" + n;
        String address = Network.SUBNET + "." + (40 + n);
        List<String> command = new ArrayList<>(javaJar("rooms", "384m"));
        command.addAll(List.of(
                "--vetnet.presence.node-id=" + name,
                "--vetnet.presence.advertised-url=http://" + address + ":" + ROOMS_PORT,
                "--vetnet.cassandra.replication={'class': 'SimpleStrategy', 'replication_factor': " + CASSANDRA_NODES + "}"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VETNET_IDENTITY_ISSUER_URI", issuerUrl());
        env.put("VETNET_REDIS_HOST", Network.SUBNET + ".10");
        env.put("VETNET_CASSANDRA_CONTACT_POINTS", cassandraContactPoints());
        env.put("VETNET_CASSANDRA_KEYSPACE", KEYSPACE);
        env.put("VETNET_CASSANDRA_CONSISTENCY", CONSISTENCY);
        env.put("VETNET_ROOMS_ALLOWEDORIGINS", publicUrl());
        env.put("VETNET_PUBLIC_URL", publicUrl());
        forwarders.add(new HostProcess("issuer-forward-" + name, name, address, forward(), Map.of(), logs));
        return host(name, 40 + n, command, env);
    }

    private HostProcess gateway(int n) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VETNET_IDENTITY_ISSUER_URI", issuerUrl());
        env.put("VETNET_IDENTITY_URI", issuerUrl());
        env.put("VETNET_ROOMS_REGISTRY", "redis");
        env.put("VETNET_SESSION_STORE", "redis");
        env.put("VETNET_REDIS_HOST", Network.SUBNET + ".10");
        env.put("VETNET_ROOMS_INSTANCES", IntStream.rangeClosed(1, ROOM_SERVERS)
                .mapToObj(r -> "http://" + Network.SUBNET + "." + (40 + r) + ":" + ROOMS_PORT).collect(Collectors.joining(",")));
        env.put("VETNET_ALLOWED_ORIGINS", publicUrl());
        env.put("VETNET_PUBLIC_URL", publicUrl());
        // Not part of these faults: the community and learning servers are not started; their routes answer 502.
        env.put("VETNET_COMMUNITY_URI", "http://" + Network.SUBNET + ".2:8082");
        env.put("VETNET_LEARNING_URI", "http://" + Network.SUBNET + ".2:8083");
        HostProcess gateway = host("gateway" + n, 50 + n, javaJar("gateway", "384m"), env);
        forwarders.add(new HostProcess("issuer-forward-" + gateway.name, gateway.name, gateway.address, forward(), Map.of(), logs));
        return gateway;
    }

    /**
     * HAProxy in front of the gateways: round robin (sessions are shared in Redis, so any gateway serves any client),
     * a health check every half second so a stopping gateway leaves the rotation within a second, and WebSocket
     * tunnels that last the whole workshop.
     */
    private Path writeHaproxyConfig() throws IOException {
        StringBuilder servers = new StringBuilder();
        for (int n = 1; n <= GATEWAYS; n++) {
            servers.append("  server gateway").append(n).append(' ').append(Network.SUBNET).append('.').append(50 + n)
                    .append(':').append(GATEWAY_PORT).append(" check\n");
        }
        String config = """
                global
                  maxconn 4000
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout tunnel 1h
                  retries 2
                  option redispatch
                frontend vetnet
                  bind %s:%d
                  default_backend gateways
                backend gateways
                  balance roundrobin
                  option httpchk GET /actuator/health
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 2
                %s""".formatted("127.0.0.1", PUBLIC_PORT, servers);
        Path file = paths.work().resolve("haproxy.cfg");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /** Stops every process (SIGTERM, then SIGKILL) and removes the namespaces. */
    @Override
    public void close() {
        List<HostProcess> all = new ArrayList<>();
        all.add(balancer);
        all.addAll(gateways);
        all.addAll(rooms);
        all.addAll(forwarders);
        all.add(identity);
        all.addAll(cassandra);
        all.add(redis);
        for (HostProcess p : all) {
            try {
                p.terminate(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        network.close();
    }
}
