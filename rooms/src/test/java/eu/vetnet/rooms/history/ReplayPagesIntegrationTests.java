package eu.vetnet.rooms.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay reads in bounded pieces, against the launcher's real Cassandra: sessions a page at a time (every session
 * exactly once across the pages, in order; a session longer than a page's event budget comes in parts), and a
 * document replayed from a log longer than one fetch; and a deleted account's events, renamed in place.
 */
class ReplayPagesIntegrationTests {

    private static HistoryFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new HistoryFixture();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static RoomUser user(String name) {
        return new RoomUser(name + "-id", name, name, Set.of(), null);
    }

    private static List<SessionEvents.Session> all(String room, int limit, int maxEvents, List<String> cursors) {
        List<SessionEvents.Session> out = new ArrayList<>();
        SessionCursor after = null;
        for (int guard = 0; guard < 1000; guard++) {
            SessionEvents.Page page = fixture.events.page(room, after, limit, maxEvents).toCompletableFuture().join();
            assertTrue(page.sessions().size() <= limit, "a page holds at most " + limit);
            out.addAll(page.sessions());
            if (page.next() == null) {
                return out;
            }
            cursors.add(page.next());
            after = SessionCursor.decode(page.next());
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void pagesReturnEverySessionOnceInOrder() {
        String room = "r-" + UUID.randomUUID();
        int sessions = 23;
        for (int i = 0; i < sessions; i++) {
            RoomUser u = user("p" + i);
            fixture.events.record(room, SessionEvents.JOINED, "notes", u, RoomRole.PARTICIPANT);
            fixture.events.record(room, SessionEvents.LEFT, "notes", u, RoomRole.PARTICIPANT);
        }
        // Events are written off the hot path: wait until all of them are there.
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.events.page(room, null, 200, 100_000)
                .toCompletableFuture().join().sessions().size() == sessions);

        List<String> cursors = new ArrayList<>();
        List<SessionEvents.Session> paged = all(room, 5, 100_000, cursors);

        assertEquals(sessions, paged.size());
        assertEquals(4, cursors.size(), "23 sessions in pages of 5: four full pages with a next, then the last three");
        for (int i = 0; i < sessions; i++) {
            assertEquals("p" + i + "-id", paged.get(i).participants().get(0).userId());
            assertFalse(paged.get(i).partial());
        }
    }

    @Test
    void aSessionLongerThanAPagesEventBudgetComesInPartsAndNothingIsLost() {
        String room = "r-" + UUID.randomUUID();
        RoomUser host = user("host");
        fixture.events.record(room, SessionEvents.JOINED, "notes", host, RoomRole.FACILITATOR);
        for (int i = 0; i < 10; i++) {
            RoomUser u = user("guest" + i);
            fixture.events.record(room, SessionEvents.JOINED, "notes", u, RoomRole.PARTICIPANT);
            fixture.events.record(room, SessionEvents.LEFT, "notes", u, RoomRole.PARTICIPANT);
        }
        fixture.events.record(room, SessionEvents.LEFT, "notes", host, RoomRole.FACILITATOR);
        RoomUser later = user("later");
        fixture.events.record(room, SessionEvents.JOINED, "notes", later, RoomRole.PARTICIPANT);
        // Events are written asynchronously, in any order: wait for all 23, not just for two sessions to show.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<SessionEvents.Session> sessions = fixture.events.page(room, null, 200, 100_000).toCompletableFuture().join().sessions();
            return sessions.size() == 2 && sessions.get(1).participants().size() == 1
                    && sessions.get(0).participants().size() == 11
                    && sessions.get(0).participants().stream().allMatch(p -> p.leftAt() != null);
        });

        List<SessionEvents.Session> parts = all(room, 50, 6, new ArrayList<>());

        // 23 events in pages of at most 6: the long session comes in parts, all with its start, and the later session
        // last. Not told apart by their start: on a fast machine all 23 events fall in one millisecond (CI saw it).
        Instant start = parts.get(0).startedAt();
        List<SessionEvents.Session> longOne = parts.subList(0, parts.size() - 1);
        assertTrue(longOne.stream().allMatch(s -> s.startedAt().equals(start)), String.valueOf(parts));
        assertTrue(longOne.size() > 1 && longOne.stream().allMatch(SessionEvents.Session::partial), String.valueOf(parts));
        assertTrue(longOne.get(longOne.size() - 1).endedAt() != null, "the last part ends the session");
        long guests = longOne.stream().flatMap(s -> s.participants().stream()).map(SessionEvents.Participant::userId)
                .filter(id -> id.startsWith("guest")).distinct().count();
        assertEquals(10, guests, "every guest is in some part");
        SessionEvents.Session last = parts.get(parts.size() - 1);
        assertEquals("later-id", last.participants().get(0).userId());
        assertNull(last.endedAt(), "still there");
        assertFalse(last.partial());
    }

    @Test
    void aDocumentReplaysFromALogLongerThanOneFetch() {
        String room = "r-" + UUID.randomUUID();
        YDoc doc = new YDoc();
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        doc.onUpdate((u, o, t) -> stored.add(fixture.history.onChange(new ChangePayload(room, "notes", u, null)).toCompletableFuture()));
        int edits = HistoryReads.PAGE_ROWS * 2 + 17;
        for (int i = 0; i < edits; i++) {
            doc.getText("text").insert(doc.getText("text").length(), "e" + i + " ");
        }
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();

        YDoc replayed = HistoryReads.replay(fixture.statements(), room, "notes", Instant.now(), fixture.cpu)
                .toCompletableFuture().join();

        assertEquals(doc.getText("text").toString(), replayed.getText("text").toString());
    }

    /**
     * A deleted account's joins and leaves (docs/rooms.md, "Deleting an account"): they read under the pseudonym,
     * everyone else's as before, by the same user id; renaming again changes none.
     */
    @Test
    void aDeletedAccountsEventsReadUnderThePseudonymAndNobodyElsesChange() {
        String room = "r-" + UUID.randomUUID();
        RoomUser gone = user("gone");
        RoomUser stays = user("stays");
        for (RoomUser u : List.of(gone, stays, gone)) {
            fixture.events.record(room, SessionEvents.JOINED, "board", u, RoomRole.PARTICIPANT);
            fixture.events.record(room, SessionEvents.LEFT, "board", u, RoomRole.PARTICIPANT);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> participants(room).size() == 3);

        int renamed = fixture.events.rename(room, gone.id(), "Former member 7Q3K9X").toCompletableFuture().join();

        assertEquals(4, renamed, "two joins and two leaves");
        for (SessionEvents.Participant p : participants(room)) {
            List<String> names = List.of(p.username(), p.name());
            assertEquals(p.userId().equals(gone.id()) ? List.of("Former member 7Q3K9X", "Former member 7Q3K9X") : List.of("stays", "stays"),
                    names, p.toString());
        }
        assertEquals(0, fixture.events.rename(room, gone.id(), "Former member 7Q3K9X").toCompletableFuture().join());
    }

    private static List<SessionEvents.Participant> participants(String room) {
        return fixture.events.page(room, null, 10, 1_000).toCompletableFuture().join().sessions().stream()
                .flatMap(s -> s.participants().stream()).toList();
    }
}
