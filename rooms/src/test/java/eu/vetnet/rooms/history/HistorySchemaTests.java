package eu.vetnet.rooms.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySchemaTests {

    @Test
    void theSchemaFileSplitsIntoIdempotentStatementsForTheConfiguredKeyspace() {
        List<String> statements = HistoryDatabase.schemaStatements("vetnet_x", "{'class': 'SimpleStrategy', 'replication_factor': 1}");

        assertEquals(27, statements.size());
        assertTrue(statements.get(9).startsWith("CREATE TABLE IF NOT EXISTS vetnet_x.room_people"), statements.get(9));
        assertTrue(statements.get(10).startsWith("CREATE TABLE IF NOT EXISTS vetnet_x.access_requests"), statements.get(10));
        assertTrue(statements.get(11).startsWith("CREATE TABLE IF NOT EXISTS vetnet_x.room_images"), statements.get(11));
        assertTrue(statements.get(12).startsWith("CREATE TABLE IF NOT EXISTS vetnet_x.proposals "), statements.get(12));
        assertTrue(statements.get(16).startsWith("CREATE TABLE IF NOT EXISTS vetnet_x.contacts"), statements.get(16));
        assertTrue(statements.get(17).startsWith("CREATE TABLE IF NOT EXISTS vetnet_x.dossiers"), statements.get(17));
        assertTrue(statements.get(18).startsWith("CREATE TABLE IF NOT EXISTS vetnet_x.dossier_files"), statements.get(18));
        assertTrue(statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS vetnet_x"), statements.get(0));
        for (String s : statements) {
            assertTrue(s.contains("IF NOT EXISTS"), s);
            assertTrue(!s.contains("${"), s);
            assertTrue(!s.endsWith(";"), s);
        }
    }

    @Test
    void aKeyspaceThatIsNotAPlainIdentifierIsRefused() {
        assertThrows(HistoryUnavailableException.class, () -> HistoryDatabase.schemaStatements("x; DROP KEYSPACE y", "{}"));
    }

    @Test
    void logPositionsOrderByTimeThenWriterThenSequence() {
        var t = java.time.Instant.ofEpochSecond(5);
        assertTrue(new LogPosition(t, "a", 2).compareTo(new LogPosition(t, "b", 1)) < 0);
        assertTrue(new LogPosition(t, "a", 1).compareTo(new LogPosition(t, "a", 2)) < 0);
        assertTrue(LogPosition.START.compareTo(new LogPosition(t, "", 0)) < 0);
        assertTrue(LogPosition.endOf(t).compareTo(new LogPosition(t, "zzz", Long.MAX_VALUE - 1)) > 0);
    }
}
