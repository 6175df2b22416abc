package eu.vetnet.rooms.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aCursorRoundTripsAndAnythingElseIsRefused() {
        SessionCursor c = new SessionCursor(Instant.ofEpochMilli(1234), "host:with-colon-7", 42, 2, Instant.ofEpochMilli(1000));
        assertEquals(c, SessionCursor.decode(c.encode()));
        SessionCursor atRest = new SessionCursor(Instant.ofEpochMilli(1234), "w", 1, 0, null);
        assertEquals(atRest, SessionCursor.decode(atRest.encode()));
        for (String bad : new String[] {"", "not-base64!", "Zm9v", java.util.Base64.getUrlEncoder().encodeToString("1:2:3:-:w".getBytes())}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SessionCursor.decode(bad), bad);
        }
    }

    @Test
    void aFoldResumedInsideASessionEndsItAsAPart() {
        SessionFold fold = new SessionFold(1, Instant.ofEpochSecond(5));
        assertNull(fold.add(e(10, "joined", "bob")));
        SessionEvents.Session ended = fold.add(e(20, "left", "bob"));
        assertNull(ended, "one connection from before the page is still open");
        ended = fold.add(e(30, "left", "alice"));
        assertEquals(Instant.ofEpochSecond(5), ended.startedAt());
        assertEquals(Instant.ofEpochSecond(30), ended.endedAt());
        assertTrue(ended.partial(), "it began on an earlier page");
        assertNull(fold.add(e(40, "joined", "carol")));
        assertTrue(!fold.underWay(false).partial(), "a session that starts on this page is whole");
    }
}
