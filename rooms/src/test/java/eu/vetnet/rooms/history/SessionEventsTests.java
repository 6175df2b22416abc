package eu.vetnet.rooms.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionEventsTests {

    private static SessionEvents.Event e(long second, String kind, String user) {
        return new SessionEvents.Event(Instant.ofEpochSecond(second), kind, "notes", user + "-id", user, user, "participant");
    }

    @Test
    void aSessionLastsFromTheFirstJoinToTheLastLeaveAndTwoTabsAreOnePerson() {
        List<SessionEvents.Session> sessions = SessionEvents.toSessions(List.of(
                e(10, "joined", "alice"), e(11, "joined", "alice"), e(12, "joined", "bob"),
                e(20, "left", "alice"), e(25, "left", "bob"), e(30, "left", "alice"),
                e(100, "joined", "carol")));

        assertEquals(2, sessions.size());
        SessionEvents.Session first = sessions.get(0);
        assertEquals(Instant.ofEpochSecond(10), first.startedAt());
        assertEquals(Instant.ofEpochSecond(30), first.endedAt());
        assertEquals(2, first.participants().size());
        assertEquals(Instant.ofEpochSecond(30), first.participants().get(0).leftAt());
        assertEquals(Instant.ofEpochSecond(25), first.participants().get(1).leftAt());
        assertNull(sessions.get(1).endedAt(), "carol is still there");
    }

    @Test
    void eventsAreOrderedByTimeWhateverOrderTheyAreReadIn() {
        List<SessionEvents.Session> sessions = SessionEvents.toSessions(List.of(
                e(20, "left", "alice"), e(10, "joined", "alice")));
        assertEquals(1, sessions.size());
        assertEquals(Instant.ofEpochSecond(20), sessions.get(0).endedAt());
    }
}
