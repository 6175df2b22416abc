package eu.vetnet.crdt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.encoding.DecodingException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AwarenessTests {

    private static AwarenessUpdate one(long client, long clock, Object state) {
        return new AwarenessUpdate(List.of(new AwarenessUpdate.Entry(client, clock, state)));
    }

    @Test
    void newerClockWinsAndOlderIsIgnored() {
        Awareness a = new Awareness();
        a.apply(one(5, 2, Map.of("cursor", 3L)), "x");
        Awareness.Change stale = a.apply(one(5, 1, Map.of("cursor", 9L)), "x");
        assertTrue(stale.isEmpty());
        assertEquals(Map.of("cursor", 3L), a.states().get(5L));
    }

    @Test
    void nullStateRemovesAClientAndStatesTimeOut() {
        AtomicLong now = new AtomicLong(1_000);
        Awareness a = new Awareness(now::get);
        a.apply(one(5, 1, Map.of("name", "Ana")), "x");
        a.apply(one(6, 1, Map.of("name", "Ben")), "x");
        assertEquals(List.of(5L), a.apply(one(5, 2, null), "x").removed());
        now.addAndGet(Awareness.OUTDATED_MS);
        assertEquals(List.of(6L), a.removeOutdated().removed());
        assertTrue(a.states().isEmpty());
    }

    @Test
    void encodingRoundTripsAndLimitsAreEnforced() {
        AwarenessUpdate u = new AwarenessUpdate(List.of(
                new AwarenessUpdate.Entry(1, 4, Map.of("user", Map.of("name", "Zoë"))),
                new AwarenessUpdate.Entry(2, 1, null)));
        assertEquals(u, AwarenessUpdate.decode(u.encode()));
        assertThrows(DecodingException.class, () -> AwarenessUpdate.decode(u.encode(), 1, 1000));
        assertThrows(DecodingException.class, () -> AwarenessUpdate.decode(u.encode(), 10, 8));
    }
}
