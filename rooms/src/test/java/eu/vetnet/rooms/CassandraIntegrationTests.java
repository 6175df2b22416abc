package eu.vetnet.rooms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import eu.vetnet.testkit.LocalService;
import eu.vetnet.testkit.LocalServiceExtension;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Cassandra driver against the launcher's real single-node Cassandra 5.0. */
@ExtendWith(LocalServiceExtension.class)
class CassandraIntegrationTests {

    private static CqlSession session;

    @BeforeAll
    static void connect(@LocalService(Service.CASSANDRA) ServiceAddress cassandra) {
        session = CqlSession.builder()
                .addContactPoint(cassandra.socketAddress())
                .withLocalDatacenter("datacenter1")
                .build();
        // Schema changes cost about 1.5 s each: created once, and each test writes its own partition.
        session.execute("CREATE KEYSPACE IF NOT EXISTS vetnet_test"
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS vetnet_test.room_updates ("
                + " room text, seq bigint, writer text, payload blob, PRIMARY KEY ((room), seq))");
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void connectsToTheSingleLocalNodeOfDatacenter1() {
        Collection<Node> nodes = session.getMetadata().getNodes().values();

        assertEquals(1, nodes.size());
        Node node = nodes.iterator().next();
        assertEquals("datacenter1", node.getDatacenter());
        assertTrue(node.getCassandraVersion().toString().startsWith("5.0"), "version " + node.getCassandraVersion());
    }

    @Test
    void writtenRowsReadBackInSequenceOrderWithTheirBytes() {
        String room = "room-" + UUID.randomUUID();
        PreparedStatement insert = session.prepare(
                "INSERT INTO vetnet_test.room_updates (room, seq, writer, payload) VALUES (?, ?, ?, ?)");
        List<String> updates = List.of("sticky note", "agenda item", "vote");
        // Written out of order: the clustering key, not the arrival, orders the history.
        for (long seq : new long[] {2, 0, 1}) {
            session.execute(insert.bind(room, seq, "alice", utf8(updates.get((int) seq))).setIdempotent(true));
        }

        List<Row> rows = session.execute(
                session.prepare("SELECT seq, writer, payload FROM vetnet_test.room_updates WHERE room = ?").bind(room)).all();

        assertEquals(3, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).getLong("seq"));
            assertEquals("alice", rows.get(i).getString("writer"));
            assertArrayEquals(updates.get(i).getBytes(StandardCharsets.UTF_8), bytes(rows.get(i).getByteBuffer("payload")));
        }
    }

    @Test
    void rewritingTheSameKeyIsIdempotent() {
        String room = "room-" + UUID.randomUUID();
        PreparedStatement insert = session.prepare(
                "INSERT INTO vetnet_test.room_updates (room, seq, writer, payload) VALUES (?, ?, ?, ?)");
        for (int attempt = 0; attempt < 3; attempt++) {
            session.execute(insert.bind(room, 7L, "fabio", utf8("retry")).setIdempotent(true));
        }

        Row count = session.execute(
                session.prepare("SELECT count(*) FROM vetnet_test.room_updates WHERE room = ?").bind(room)).one();

        assertEquals(1L, count.getLong(0));
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
