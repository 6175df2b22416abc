package eu.vetnet.rooms.history.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded full-stack fuzz (docs/reliability.md): several clients edit at random and disconnect, the room server is
 * killed (kill -9) and restarted mid-way while they keep editing offline; at the end every client, the room, and the
 * room reloaded from Cassandra by yet another server process hold the same text. {@code -Dvetnet.fuzz.seed=N}.
 */
// Over a minute: run by ./vetnet fault-suite with the other long fault tests (docs/several-hosts.md).
@org.junit.jupiter.api.Tag(RoomServerProcessIntegrationTests.LONG_FAULTS)
class FullStackFuzzIntegrationTests {

    private static final String KEYSPACE = "vetnet_process_test";
    private static final String[] USERS = {"f1", "f2", "f3", "f4"};
    private static TokenIssuer issuer;
    private final String prefix = "vetnet-fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void services() throws Exception {
        LocalServices.ensureRunning(Service.CASSANDRA);
        LocalServices.ensureRunning(Service.REDIS);
        issuer = new TokenIssuer();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private RoomServerProcess server(String node) throws Exception {
        RoomServerProcess p = RoomServerProcess.start(node, issuer, KEYSPACE, prefix);
        opened.add(p);
        return p;
    }

    private YClient join(RoomServerProcess server, String room, String user, byte[] state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            YClient c = YClient.syncedOrNull(server.ws(), room, "notes", issuer.token(user, "facilitator"), state);
            if (c != null) {
                opened.add(c);
                return c;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + " could not join " + room + " on " + server.node + ":\n" + server.tail());
            }
            Thread.sleep(300);
        }
    }

    @Test
    void clientsEditingThroughAKilledAndRestartedServerEndEqualAndEqualToWhatCassandraHolds() throws Exception {
        long seed = Long.getLong("vetnet.fuzz.seed", 7L);
        Random random = new Random(seed);
        RoomServerProcess first = server("fuzz-a");
        String room = createRoom(first);
        YClient[] clients = new YClient[USERS.length];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = join(first, room, USERS[i], null);
        }
        RoomServerProcess current = first;
        int steps = 400;
        for (int step = 0; step < steps; step++) {
            int who = random.nextInt(clients.length);
            clients[who].edit(random);
            if (random.nextInt(40) == 0) {
                // A client drops and comes back with what it holds (the y-websocket provider does the same).
                byte[] state = clients[who].state();
                clients[who].close();
                clients[who] = join(current, room, USERS[who], state);
            }
            if (step == steps / 2) {
                current.kill();
                // Offline edits while no server is there.
                for (int k = 0; k < 20; k++) {
                    clients[random.nextInt(clients.length)].edit(random);
                }
                current = server("fuzz-b");
                for (int i = 0; i < clients.length; i++) {
                    byte[] state = clients[i].state();
                    clients[i].close();
                    clients[i] = join(current, room, USERS[i], state);
                }
            }
            if (random.nextInt(10) == 0) {
                Thread.sleep(random.nextInt(20));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!allEqual(clients) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String text = clients[0].text();
        for (YClient c : clients) {
            assertEquals(text, c.text(), "seed " + seed + ": clients differ");
        }
        assertTrue(text.length() > 0);

        // Drain (SIGTERM) and reload from Cassandra on a third server.
        current.terminate();
        RoomServerProcess third = server("fuzz-c");
        YClient reloaded = join(third, room, "f1", null);
        assertEquals(text, reloaded.text(), "seed " + seed + ": the room reloaded from Cassandra differs");
        System.out.printf("fuzz seed %d: %d clients, %d steps, kill -9 and SIGTERM; %d characters equal everywhere%n",
                seed, clients.length, steps, text.length());
    }

    private static boolean allEqual(YClient[] clients) {
        String first = clients[0].text();
        for (YClient c : clients) {
            if (!c.text().equals(first)) {
                return false;
            }
        }
        return true;
    }

    private String createRoom(RoomServerProcess server) throws Exception {
        return server.createRoom(issuer.token("f1", "facilitator"), "{\"title\":\"fuzz\",\"kind\":\"WORKSHOP\",\"access\":{\"facilitators\":[\"f2\",\"f3\",\"f4\"]}}");
    }
}
