package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.privatenotes.PrivateNotes;
import eu.vetnet.rooms.room.RoomKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Private ideation at the wire (docs/dialogue.md, "Private ideation"): a person's private notes go to nobody else, not
 * inside any frame another client receives, until a facilitator reveals them; the server's engine then puts them on
 * the board, with or without names, and empties the private document.
 */
class PrivateNotesIntegrationTests extends RoomsIntegrationTestSupport {

    private static final String SECRET = "SECRET-IDEA-4217";

    private Map<String, Object> open(String name, String room, String doc, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", doc, "token", token, "rejoin", true);
    }

    private String yws(String room, String doc) {
        return wsUrl() + "/ws/rooms/" + room + "/" + doc;
    }

    private HttpResponse<String> reveal(String room, String token, boolean anonymous) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpUrl() + "/api/rooms/" + room + "/reveal"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"anonymous\": " + anonymous + "}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean anyFrameHolds(RawSocket s, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (byte[] frame : s.received) {
            outer:
            for (int i = 0; i + needle.length <= frame.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (frame[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    @Test
    void privateNotesReachNoOtherClientUntilTheFacilitatorRevealsThem() throws Exception {
        String room = room(RoomKind.WORKSHOP, List.of(), List.of());
        String alicePrivate = PrivateNotes.documentOf("alice-id");
        // Bob listens at the wire on the board and on his own private document; he may not open Alice's.
        RawSocket bobBoard = RawSocket.open(yws(room, "board"), bob());
        RawSocket bobOwn = RawSocket.open(yws(room, PrivateNotes.documentOf("bob-id")), bob());
        RawSocket bobAtAlices = RawSocket.open(yws(room, alicePrivate), bob());
        assertEquals(4403, bobAtAlices.closed.get(10, TimeUnit.SECONDS), () -> bobAtAlices.closeReason);
        RawSocket fabioAtAlices = RawSocket.open(yws(room, alicePrivate), fabio());
        assertEquals(4403, fabioAtAlices.closed.get(10, TimeUnit.SECONDS), () -> "facilitators do not read private notes either: " + fabioAtAlices.closeReason);
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("alice", room, alicePrivate, alice()));
            node.call("open", open("fabio", room, "board", fabio()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("alice", "fabio"))).asBoolean());
            node.call("run", Map.of("name", "alice", "js", """
                    doc.transact(() => { const m = new Y.Map(); doc.getMap('objects').set('a-note', m); m.set('type', 'note');
                      m.set('owner', 'alice-id'); m.set('w', 160); m.set('h', 100); m.set('votes', new Y.Map());
                      const t = new Y.Text(); m.set('text', t); t.insert(0, '%s'); }); return true""".formatted(SECRET)));
            // Stored: her own copy says so. Then a while for anything that would leak to arrive.
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return !client.provider.hasUnsyncedChanges")).asBoolean());
            Thread.sleep(700);
            assertFalse(anyFrameHolds(bobBoard, SECRET), "a frame on the board carried the private note");
            assertFalse(anyFrameHolds(bobOwn, SECRET), "a frame on bob's own private document carried alice's note");
            assertFalse(node.call("run", Map.of("name", "fabio", "js", "return JSON.stringify(doc.getMap('objects').toJSON())")).asText().contains(SECRET));

            assertEquals(403, reveal(room, alice(), false).statusCode(), "participants do not reveal");
            HttpResponse<String> revealed = reveal(room, fabio(), false);
            assertEquals(200, revealed.statusCode(), revealed.body());
            assertTrue(revealed.body().contains("\"notes\":1"), revealed.body());
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js",
                    "const n = doc.getMap('objects').get('a-note'); return n?.get('text')?.toString() === '%s' && n.get('owner') === 'alice-id'".formatted(SECRET))).asBoolean());
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('objects').size === 0")).asBoolean());
            long deadline = System.currentTimeMillis() + 5000;
            while (!anyFrameHolds(bobBoard, SECRET) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(anyFrameHolds(bobBoard, SECRET), "after the reveal the board's frames carry the note");

            // Anonymously: the note is nobody's, so only facilitators may change it.
            node.call("run", Map.of("name", "alice", "js", """
                    doc.transact(() => { const m = new Y.Map(); doc.getMap('objects').set('b-note', m); m.set('type', 'note');
                      m.set('owner', 'alice-id'); m.set('text', 'second thought'); m.set('votes', new Y.Map()); }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return !client.provider.hasUnsyncedChanges")).asBoolean());
            HttpResponse<String> again = reveal(room, fabio(), true);
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').get('b-note')?.get('owner') === 'anonymous'")).asBoolean());
            assertEquals("anonymous", serverDoc(room, "board", d -> ((YMap) d.getMap("objects").get("b-note")).get("owner")));
        } finally {
            bobBoard.socket.abort();
            bobOwn.socket.abort();
        }
    }

    @Test
    void facilitatorsReadPrivateNotesOnlyWhileTheRoomSaysSoAndNeverWriteThem() throws Exception {
        String room = room(RoomKind.WORKSHOP, List.of(), List.of());
        String alicePrivate = PrivateNotes.documentOf("alice-id");
        String path = "/api/rooms/" + room + "/private-notes";
        assertEquals(409, call("GET", path, fabio(), null).statusCode(), "no list while private notes are private");
        assertEquals(403, call("PUT", path, alice(), "{\"facilitatorsSee\": true}").statusCode());
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("alice", room, alicePrivate, alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("alice"))).asBoolean());
            node.call("run", Map.of("name", "alice", "js", """
                    doc.transact(() => { const m = new Y.Map(); doc.getMap('objects').set('a-note', m); m.set('type', 'note');
                      m.set('owner', 'alice-id'); m.set('text', '%s'); m.set('votes', new Y.Map()); }); return true""".formatted(SECRET)));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return !client.provider.hasUnsyncedChanges")).asBoolean());

            HttpResponse<String> on = call("PUT", path, fabio(), "{\"facilitatorsSee\": true}");
            assertEquals(200, on.statusCode(), on.body());
            assertTrue(on.body().contains("\"facilitatorsSeePrivateNotes\":true"), on.body());
            HttpResponse<String> boards = call("GET", path, fabio(), null);
            assertEquals(200, boards.statusCode(), boards.body());
            assertTrue(boards.body().contains(alicePrivate), boards.body());
            // Read-only: fabio sees the note, his write is refused, bob still opens nothing of hers.
            node.call("open", open("fabio", room, alicePrivate, fabio()));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').get('a-note')?.get('text') === '%s'".formatted(SECRET))).asBoolean());
            assertEquals("readonly", node.call("scope", Map.of("name", "fabio")).asText());
            RawSocket bobAtAlices = RawSocket.open(yws(room, alicePrivate), bob());
            assertEquals(4403, bobAtAlices.closed.get(10, TimeUnit.SECONDS), () -> bobAtAlices.closeReason);

            // Turned off: his open view closes at once, and it does not open again.
            assertEquals(200, call("PUT", path, fabio(), "{\"facilitatorsSee\": false}").statusCode());
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return client.closes.length > 0 || client.events.some((e) => e.type === 'authenticationFailed')")).asBoolean(),
                    () -> node.call("events", Map.of("name", "fabio")).toString());
            RawSocket fabioAgain = RawSocket.open(yws(room, alicePrivate), fabio());
            assertEquals(4403, fabioAgain.closed.get(10, TimeUnit.SECONDS), () -> fabioAgain.closeReason);
        }
    }
}
