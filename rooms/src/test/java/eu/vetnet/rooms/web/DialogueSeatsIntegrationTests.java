package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.room.RoomKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Seats in a dialogue session (docs/rooms.md, "Roles and permissions"), at the wire with the real providers: a
 * policymaker listed as an observer has a voice in the workshop document (asks, upvotes, votes) and reads the board;
 * listed as a participant she edits the board too: the server never overrides the facilitator's list.
 */
class DialogueSeatsIntegrationTests extends RoomsIntegrationTestSupport {

    private Map<String, Object> open(String name, String room, String doc, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", doc, "token", token, "rejoin", true);
    }

    private String yourRole(String room, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpUrl() + "/api/rooms/" + room))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        var view = new ObjectMapper().readTree(r.body());
        // A dialogue session says so to the app: its observers hold seats with a voice.
        assertTrue(view.path("rules").path("observersHaveAVoice").asBoolean(), r.body());
        return view.path("yourRole").asText();
    }

    @Test
    void aPolicymakersSeatAsksUpvotesAndVotesButReadsTheBoard() throws Exception {
        String room = room(RoomKind.DIALOGUE_SESSION, List.of(), List.of());
        assertEquals("observer", yourRole(room, paula()));
        assertEquals("participant", yourRole(room, alice()));
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, "workshop", fabio()));
            node.call("open", open("paula", room, "workshop", paula()));
            node.call("open", open("paulaBoard", room, "board", paula()));
            node.call("open", open("fabioBoard", room, "board", fabio()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "paula", "paulaBoard", "fabioBoard"))).asBoolean());
            assertEquals("read-write", node.call("scope", Map.of("name", "paula")).asText());
            assertTrue(node.call("waitFor", Map.of("name", "paulaBoard", "js", "return client.provider.authorizedScope === 'readonly'")).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", """
                    const polls = new Y.Map(); doc.getMap('workshop').set('polls', polls);
                    const p = new Y.Map(); polls.set('p1', p); p.set('question', 'Fund it?'); p.set('options', ['yes', 'no']);
                    doc.getMap('votes').set('p1', new Y.Map()); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "paula", "js", "return doc.getMap('votes').has('p1')")).asBoolean());
            node.call("run", Map.of("name", "paula", "js", """
                    doc.transact(() => {
                      const q = new Y.Map(); doc.getMap('questions').set('q-paula', q); q.set('text', 'Who pays for the trainers?');
                      q.set('owner', 'paula-id'); q.set('upvotes', new Y.Map());
                    });
                    doc.getMap('votes').get('p1').set('paula-id', 'yes'); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js",
                    "return doc.getMap('questions').get('q-paula')?.get('text') === 'Who pays for the trainers?' && doc.getMap('votes').get('p1').get('paula-id') === 'yes'")).asBoolean(),
                    () -> node.call("events", Map.of("name", "paula")).toString());
            node.call("run", Map.of("name", "paulaBoard", "js", """
                    const m = new Y.Map(); m.set('owner', 'paula-id'); m.set('text', 'x'); doc.getMap('objects').set('pm1', m); return true"""));
            node.call("run", Map.of("name", "fabioBoard", "js", """
                    const m = new Y.Map(); m.set('owner', 'fabio-id'); m.set('text', 'plan'); doc.getMap('objects').set('f1', m); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "paulaBoard", "js", "return doc.getMap('objects').get('f1')?.get('text') === 'plan'")).asBoolean());
            Thread.sleep(300);
            assertNull(serverDoc(room, "board", d -> d.getMap("objects").get("pm1")));
            assertEquals("yes", serverDoc(room, "workshop", d -> ((YMap) d.getMap("votes").get("p1")).get("paula-id")));
        }
    }

    @Test
    void aPolicymakerListedAsParticipantEditsTheBoard() throws Exception {
        String room = room(RoomKind.DIALOGUE_SESSION, List.of(), List.of());
        rooms.save(rooms.find(room).toCompletableFuture().join().withAccess(new eu.vetnet.rooms.room.AccessList("fabio",
                List.of(), List.of("alice", "paula"), List.of()))).toCompletableFuture().join();
        assertEquals("participant", yourRole(room, paula()));
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("paula", room, "board", paula()));
            node.call("open", open("fabio", room, "board", fabio()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "paula"))).asBoolean());
            assertEquals("read-write", node.call("scope", Map.of("name", "paula")).asText());
            node.call("run", Map.of("name", "paula", "js", """
                    const m = new Y.Map(); m.set('owner', 'paula-id'); m.set('text', 'a regional fund'); m.set('votes', new Y.Map());
                    doc.getMap('objects').set('pm1', m); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').get('pm1')?.get('text') === 'a regional fund'")).asBoolean());
        }
    }

    @Test
    void dotsStayWithinBudgetTwoTabsHoldOneBallotAndAClosedVoteHoldsAtTheWire() throws Exception {
        String room = room(RoomKind.WORKSHOP, List.of(), List.of());
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, "workshop", fabio()));
            node.call("open", open("alice", room, "workshop", alice()));
            node.call("open", open("aliceTab2", room, "workshop", alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice", "aliceTab2"))).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", """
                    doc.transact(() => {
                      const polls = new Y.Map(); doc.getMap('workshop').set('polls', polls);
                      const p = new Y.Map(); polls.set('d1', p); p.set('question', 'Which idea first?'); p.set('kind', 'dots');
                      p.set('budget', 2); p.set('targets', ['n1', 'n2', 'n3']); p.set('state', 'open');
                      doc.getMap('votes').set('d1', new Y.Map());
                    }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "aliceTab2", "js", "return doc.getMap('votes').has('d1')")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('votes').get('d1').set('alice-id', ['n1', 'n1', 'n2']); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 1 && doc.getMap('votes').has('d1') && !doc.getMap('votes').get('d1').has('alice-id')")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('votes').get('d1').set('alice-id', ['n1', 'n2']); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('votes').get('d1').get('alice-id')?.length === 2")).asBoolean());
            node.call("run", Map.of("name", "aliceTab2", "js", "doc.getMap('votes').get('d1').set('alice-id', ['n3', 'n3']); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('votes').get('d1').get('alice-id')?.join() === 'n3,n3'")).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('workshop').get('polls').get('d1').set('state', 'closed'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('polls').get('d1').get('state') === 'closed'")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('votes').get('d1').delete('alice-id'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 2 && doc.getMap('votes').get('d1')?.has('alice-id')")).asBoolean());
            assertEquals(List.of("n3", "n3"), serverDoc(room, "workshop", d -> ((YMap) d.getMap("votes").get("d1")).get("alice-id")));
        }
    }

    @Test
    void aLockedNoteHoldsAgainstItsOwnerAtTheWire() throws Exception {
        String room = room(RoomKind.WORKSHOP, List.of(), List.of());
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, "board", fabio()));
            node.call("open", open("alice", room, "board", alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice"))).asBoolean());
            node.call("run", Map.of("name", "alice", "js", """
                    doc.transact(() => { const m = new Y.Map(); doc.getMap('objects').set('a1', m); m.set('owner', 'alice-id');
                      m.set('text', 'idea'); m.set('votes', new Y.Map()); }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').has('a1')")).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('objects').get('a1').set('locked', true); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('objects').get('a1').get('locked') === true")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('objects').get('a1').set('text', 'changed'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 1 && doc.getMap('objects').get('a1')?.get('text') === 'idea'")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('objects').get('a1').get('votes').set('alice-id', true); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').get('a1').get('votes').get('alice-id') === true")).asBoolean());
            assertEquals("idea", serverDoc(room, "board", d -> ((YMap) d.getMap("objects").get("a1")).get("text")));
        }
    }

    @Test
    void statementsTakeOnlyAgreeDisagreeOrPassAndTheOpinionMapIsDrawnFromThem() throws Exception {
        String room = room(RoomKind.DIALOGUE_SESSION, List.of(), List.of());
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("paula", room, "workshop", paula()));
            node.call("open", open("alice", room, "workshop", alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("paula", "alice"))).asBoolean());
            node.call("run", Map.of("name", "paula", "js", """
                    doc.transact(() => { const s = new Y.Map(); doc.getMap('statements').set('s1', s); s.set('text', 'Mentors should be shared');
                      s.set('owner', 'paula-id'); s.set('votes', new Y.Map()); });
                    doc.getMap('statements').get('s1').get('votes').set('paula-id', 1); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('statements').get('s1')?.get('votes').get('paula-id') === 1")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('statements').get('s1').get('votes').set('alice-id', 2); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 1 && doc.getMap('statements').has('s1') && !doc.getMap('statements').get('s1').get('votes').has('alice-id')")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('statements').get('s1').get('votes').set('alice-id', -1); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "paula", "js", "return doc.getMap('statements').get('s1').get('votes').get('alice-id') === -1")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('statements').get('s1').set('status', 'hidden'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 2")).asBoolean());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpUrl() + "/api/rooms/" + room + "/opinions"))
                    .header("Authorization", "Bearer " + paula()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            var map = new ObjectMapper().readTree(r.body());
            assertEquals(1, map.path("minVotes").asInt(), r.body());
            assertEquals(2, map.path("points").size(), r.body());
            assertEquals(1, map.path("points").findValues("you").stream().filter(n -> n.asBoolean()).count(), r.body());
        }
        HttpResponse<String> outsider = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpUrl() + "/api/rooms/" + room + "/opinions"))
                .header("Authorization", "Bearer " + issuer.token("eve", "participant")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, outsider.statusCode(), outsider.body());
    }
}
