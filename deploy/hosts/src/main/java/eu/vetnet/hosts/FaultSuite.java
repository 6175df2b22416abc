package eu.vetnet.hosts;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The several-hosts fault suite (docs/several-hosts.md), run by {@code ./vetnet fault-suite}: starts the {@link Cluster},
 * then for each fault puts fresh rooms under editing load through the load balancer, injects the fault, keeps editing,
 * and prints how long editing stopped, how many written or seen updates are missing (must be 0), whether every client
 * and a late joiner agree, and how many rooms had two owners at once (must be 0). Exits 1 if any fault broke a rule.
 *
 * <p>Arguments: {@code --faults=kill,partition,rolling,cassandra,redis} (that order by default), {@code --rooms=6}.
 * System properties (set by the command): {@code vetnet.repository}, {@code vetnet.work}, {@code vetnet.java17},
 * {@code vetnet.cassandra.classpath} (a file holding it).
 */
public final class FaultSuite {

    private interface Fault {
        /** Injects the fault, keeps it as long as it lasts, and undoes what must be undone. */
        Injected inject(Cluster cluster, LeaseWatch leases, Traffic traffic) throws Exception;
    }

    /** What a fault was, and the rules of its own it broke (beyond lost updates, disagreeing clients, two owners). */
    private record Injected(String description, List<String> broken) {

        Injected(String description) {
            this(description, List.of());
        }
    }

    private static final Duration SETTLE = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("faults", "kill,partition,rolling,cassandra,redis", "rooms", "6"));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --faults=... or --rooms=N)");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Map<String, Fault> known = new LinkedHashMap<>();
        known.put("kill", FaultSuite::killBusiestOwner);
        known.put("partition", FaultSuite::partitionOwnerFromRedis);
        known.put("rolling", FaultSuite::rollingRestart);
        known.put("cassandra", FaultSuite::loseCassandraNode);
        known.put("redis", FaultSuite::restartRedis);
        List<String> faults = List.of(options.get("faults").split(","));
        for (String f : faults) {
            if (!known.containsKey(f)) {
                throw new IllegalArgumentException("unknown fault " + f + " (known: " + known.keySet() + ")");
            }
        }
        int roomCount = Integer.parseInt(options.get("rooms"));

        Cluster.Paths paths = new Cluster.Paths(Path.of(System.getProperty("vetnet.repository")),
                Path.of(System.getProperty("vetnet.work")), ProcessHandle.current().info().command().orElse("java"),
                System.getProperty("vetnet.java17"), Files.readString(Path.of(System.getProperty("vetnet.cassandra.classpath"))).trim());
        List<String[]> table = new ArrayList<>();
        boolean broken = false;
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        HttpClient http = HttpClient.newHttpClient();
        long suiteStarted = System.nanoTime();
        try (Cluster cluster = Cluster.create(paths)) {
            // Ctrl-C or SIGTERM: stop every server and remove the namespaces, as the normal end does.
            Thread cleanup = new Thread(cluster::close, "fault-suite-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            System.out.println("starting the hosts (logs in " + paths.work().resolve("logs") + ")");
            cluster.start();
            Map<String, String> servers = new LinkedHashMap<>();
            cluster.rooms.forEach(r -> servers.put(r.name, cluster.roomServerUrl(r)));
            try (LeaseWatch leases = new LeaseWatch(servers)) {
                Account fabio = new Account(cluster.publicUrl(), "fabio", "fabio-pass").signIn();
                Account fabioElsewhere = new Account(cluster.publicUrl(), "fabio", "fabio-pass").signIn();
                Account alice = new Account(cluster.publicUrl(), "alice", "alice-pass").signIn();
                Account late = new Account(cluster.publicUrl(), "alice", "alice-pass").signIn();
                for (String name : faults) {
                    System.out.println("fault: " + name);
                    try (Traffic traffic = new Traffic(name, cluster.publicUrl(), http, scheduler)) {
                        traffic.start(roomCount, fabio, fabioElsewhere, alice);
                        Thread.sleep(SETTLE.toMillis());
                        System.out.println("  rooms held: " + leases.owners(traffic.roomIds()));
                        long faultAt = System.nanoTime();
                        Injected injected = known.get(name).inject(cluster, leases, traffic);
                        String what = injected.description();
                        Thread.sleep(SETTLE.toMillis());
                        Traffic.Outcome o = traffic.finish(faultAt, late);
                        List<String> duplicates = leases.duplicateOwners(traffic.roomIds());
                        duplicates.forEach(d -> System.out.println("  TWO OWNERS: " + d));
                        boolean bad = o.lost() > 0 || !duplicates.isEmpty() || o.clientsAgreeing() != o.clients()
                                || !injected.broken().isEmpty();
                        injected.broken().forEach(rule -> System.out.println("  BROKEN: " + rule));
                        broken |= bad;
                        table.add(new String[] {what, String.format("%.1f s", o.longestStallMillis() / 1000.0),
                                o.stalledRooms() + "/" + roomCount, String.format("%,d", o.written()), Integer.toString(o.lost()),
                                o.clientsAgreeing() + "/" + o.clients(), o.reconnects() + " (" + o.mostReconnects() + ")",
                                Integer.toString(o.rejections()), Integer.toString(duplicates.size()), bad ? "FAILED" : "ok"});
                        System.out.println("  " + String.join(" | ", table.get(table.size() - 1)));
                    }
                }
            }
        } catch (Exception e) {
            broken = true;
            System.out.println("the fault suite stopped: " + e);
            e.printStackTrace(System.out);
        } finally {
            scheduler.shutdownNow();
        }
        print(table, (System.nanoTime() - suiteStarted) / 1_000_000_000L);
        System.exit(broken ? 1 : 0);
    }

    private static void print(List<String[]> rows, long seconds) {
        String[] header = {"fault", "editing stopped (worst room)", "rooms stopped > 1 s", "updates written", "lost",
                "clients agreeing with a late joiner", "reconnects (most by one client)", "updates refused", "rooms with two owners", ""};
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] width = new int[header.length];
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(Math.max(1, width[i]), row[i].length());
            }
        }
        System.out.println();
        System.out.println("several-hosts fault suite: 3 room servers, 2 gateways behind HAProxy, Redis, Cassandra x3 (RF 3, "
                + Cluster.CONSISTENCY + "), " + seconds + " s");
        for (String[] row : all) {
            StringBuilder line = new StringBuilder("| ");
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + width[i] + "s | ", row[i]));
            }
            System.out.println(line.toString().trim());
        }
    }

    private static HostProcess byName(List<HostProcess> processes, String name) {
        return processes.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
    }

    /** kill -9 of the room server that holds most of the rooms; it comes back once the others took them. */
    private static Injected killBusiestOwner(Cluster cluster, LeaseWatch leases, Traffic traffic) throws Exception {
        List<String> rooms = traffic.roomIds();
        String owner = leases.busiestOwner(rooms);
        int held = leases.owners(rooms).getOrDefault(owner, 0);
        HostProcess victim = byName(cluster.rooms, owner);
        victim.kill();
        leases.killed(owner);
        System.out.println("  killed " + owner + " (held " + held + " rooms)");
        Thread.sleep(20_000); // one lease TTL (10 s) and the reconnects
        victim.start();
        cluster.awaitRoomServer(victim);
        return new Injected("kill -9 of " + owner + " (" + held + " rooms)");
    }

    /** The owner of most rooms loses Redis (packets dropped both ways) while clients and Cassandra still reach it. */
    private static Injected partitionOwnerFromRedis(Cluster cluster, LeaseWatch leases, Traffic traffic) throws Exception {
        List<String> rooms = traffic.roomIds();
        String owner = leases.busiestOwner(rooms);
        int held = leases.owners(rooms).getOrDefault(owner, 0);
        cluster.network().partition(owner, cluster.redisAddress());
        System.out.println("  cut " + owner + " (held " + held + " rooms) off from Redis");
        Thread.sleep(25_000);
        cluster.network().heal(owner);
        System.out.println("  healed; rooms held: " + leases.owners(rooms));
        return new Injected("partition of " + owner + " from Redis, 25 s (" + held + " rooms)");
    }

    /**
     * Every room server, then every gateway: SIGTERM (its drain), start, wait until ready. Counts, for each restart, the
     * most connections one client needed: 1 is a single reconnect.
     */
    private static Injected rollingRestart(Cluster cluster, LeaseWatch leases, Traffic traffic) throws Exception {
        List<String> rooms = traffic.roomIds();
        int most = 0;
        for (HostProcess server : cluster.rooms) {
            int[] before = traffic.connectCounts();
            int exit = server.terminate(Cluster.DRAIN);
            leases.stopped(server.name, server.sinceLatestStart());
            server.start();
            cluster.awaitRoomServer(server);
            Thread.sleep(SETTLE.toMillis());
            int step = Traffic.mostNewConnects(before, traffic.connectCounts());
            most = Math.max(most, step);
            System.out.println("  restarted " + server.name + " (exit " + exit + "); most connections by one client: " + step
                    + "; rooms held: " + leases.owners(rooms));
        }
        for (HostProcess gateway : cluster.gateways) {
            int[] before = traffic.connectCounts();
            int exit = gateway.terminate(Cluster.DRAIN);
            gateway.start();
            cluster.awaitGateway(gateway);
            Thread.sleep(2_000); // HAProxy's health check puts it back after two good answers, 0.5 s apart
            int step = Traffic.mostNewConnects(before, traffic.connectCounts());
            most = Math.max(most, step);
            System.out.println("  restarted " + gateway.name + " (exit " + exit + "); most connections by one client: " + step);
        }
        return new Injected("rolling restart: 3 room servers, 2 gateways (at most " + most + " reconnects per restart)",
                most > 1 ? List.of("a client needed " + most + " connections in one restart: clients see at most a reconnect")
                        : List.of());
    }

    /** kill -9 of one Cassandra node (not the seed) for 20 s of editing, then it rejoins. */
    private static Injected loseCassandraNode(Cluster cluster, LeaseWatch leases, Traffic traffic) throws Exception {
        HostProcess node = cluster.cassandra.get(cluster.cassandra.size() - 1);
        node.kill();
        System.out.println("  killed " + node.name);
        Thread.sleep(20_000);
        cluster.restartCassandra(node);
        System.out.println("  " + node.name + " is back");
        return new Injected("loss of " + node.name + " for 20 s, then its return");
    }

    /** Redis stops (SIGTERM; no persistence, so every lease, presence entry and session goes) and starts again. */
    private static Injected restartRedis(Cluster cluster, LeaseWatch leases, Traffic traffic) throws Exception {
        List<String> rooms = traffic.roomIds();
        cluster.redis.terminate(Duration.ofSeconds(10));
        System.out.println("  Redis stopped");
        Thread.sleep(2_000);
        cluster.redis.start();
        cluster.redis.awaitLog("Ready to accept connections", Duration.ofSeconds(30));
        System.out.println("  Redis is back, empty");
        Thread.sleep(15_000); // a lease TTL after the restart, new leases are granted again
        System.out.println("  rooms held: " + leases.owners(rooms));
        return new Injected("Redis restart (keys lost)");
    }
}
