package eu.vetnet.rooms.core;

import eu.vetnet.identity.api.ApiException;
import org.springframework.http.HttpStatus;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.protocol.SyncMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine failing inside a transaction (docs/rooms.md, "When the engine fails"): nobody keeps editing a document
 * that may be half-changed. Its sockets close with 1011, the room reloads from storage, and what was stored before
 * is all there.
 */
class EngineFailureTests {

    private CoreHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aFailureInsideATransactionReloadsTheRoomFromStorage() {
        h = new CoreHarness();
        CoreHarness.Client alice = h.yws("r1", "scratch", "alice", 1);
        alice.awaitFrames(1);
        alice.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(alice.doc, d -> d.getMap("m").set("kept", "yes")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "yes".equals(h.json("r1", "scratch", d -> d.getMap("m").get("kept")).get("value")));
        Room before = h.server.openRoom("r1");
        // A fault inside the engine's transaction: an observer that throws stands for any bug there.
        before.inspect(docs -> {
            docs.get("scratch").getMap("m").observe(e -> {
                throw new IllegalStateException("engine fault (test)");
            });
            return null;
        }).join();
        CoreHarness.Client bob = h.yws("r1", "scratch", "bob", 2);
        bob.awaitFrames(1);

        alice.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(alice.doc, d -> d.getMap("m").set("boom", 1)))));

        assertEquals(CloseCodes.INTERNAL_ERROR, alice.awaitClosed());
        assertEquals(CloseCodes.INTERNAL_ERROR, bob.awaitClosed(), "everyone in the room, not only the sender");
        await().atMost(Duration.ofSeconds(10)).until(() -> h.server.openRoom("r1") != before);
        CoreHarness.Client carol = h.yws("r1", "scratch", "carol", 3);
        carol.awaitFrames(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.server.openRoom("r1") != null
                && "yes".equals(h.json("r1", "scratch", d -> d.getMap("m").get("kept")).get("value")));
        assertNotSame(before, h.server.openRoom("r1"), "a fresh room, loaded from storage");
        assertNull(carol.socket.closeCode());
        carol.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(carol.doc, d -> d.getMap("m").set("after", "ok")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ok".equals(h.json("r1", "scratch", d -> d.getMap("m").get("after")).get("value")));
    }

    /** A refusal the change throws (a closed poll, a phase that does not allow it): an ApiException. */
    private static final class Refused extends ApiException {
        Refused(String why) {
            super(HttpStatus.CONFLICT, why, "nothing to fix: a test's refusal");
        }
    }

    @Test
    void aServerEditThatDeclinesBeforeWritingLeavesTheRoomAsItIsButOneThatWroteFirstReloadsIt() throws Exception {
        h = new CoreHarness();
        CoreHarness.Client alice = h.yws("r1", "scratch", "alice", 1);
        alice.awaitFrames(1);
        Room room = h.server.openRoom("r1");

        java.util.concurrent.CompletableFuture<Object> declined = room.serverEdit(List.of("scratch"), docs -> {
            throw new Refused("the poll is closed");
        });
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class, declined::get);
        assertTrue(e.getCause() instanceof Refused, e.toString());
        assertSame(room, h.server.openRoom("r1"), "the room stays: nothing was written");
        assertNull(alice.socket.closeCode());
        room.serverEdit(List.of("scratch"), docs -> {
            docs.get("scratch").getMap("m").set("after", "ok");
            return null;
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ok".equals(h.json("r1", "scratch", d -> d.getMap("m").get("after")).get("value")));

        // A refusal after a write: the document may be half-changed, so it is no refusal the room can keep.
        java.util.concurrent.CompletableFuture<Object> late = room.serverEdit(List.of("scratch"), docs -> {
            docs.get("scratch").getMap("m").set("half", "written");
            throw new Refused("too late");
        });
        assertThrows(java.util.concurrent.ExecutionException.class, late::get);
        assertEquals(CloseCodes.INTERNAL_ERROR, alice.awaitClosed());
        await().atMost(Duration.ofSeconds(10)).until(() -> h.server.openRoom("r1") != room);
    }
}
