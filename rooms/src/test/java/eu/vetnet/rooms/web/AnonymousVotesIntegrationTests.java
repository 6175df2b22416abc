package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.room.ReservedDocuments;
import eu.vetnet.rooms.room.RoomKind;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Anonymous polls (docs/dialogue.md, "Anonymous votes"): ballots go to the server by REST, which keeps them in a
 * document nobody may open and writes only the tally; one ballot per person, within the budget, none after closing,
 * and none written in the shared document.
 */
class AnonymousVotesIntegrationTests extends RoomsIntegrationTestSupport {

    private Map<String, Object> open(String name, String room, String doc, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", doc, "token", token, "rejoin", true);
    }

    @Test
    void theServerKeepsTheBallotsAndTheDocumentShowsOnlyTheTally() throws Exception {
        String room = room(RoomKind.WORKSHOP, List.of(), List.of());
        String ballot = "/api/rooms/" + room + "/polls/d1/ballot";
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, "workshop", fabio()));
            node.call("open", open("alice", room, "workshop", alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice"))).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", """
                    doc.transact(() => {
                      const polls = new Y.Map(); doc.getMap('workshop').set('polls', polls);
                      const p = new Y.Map(); polls.set('d1', p); p.set('question', 'Which first?'); p.set('kind', 'dots');
                      p.set('budget', 2); p.set('targets', ['n1', 'n2', 'n3']); p.set('state', 'open'); p.set('anonymous', true);
                      doc.getMap('votes').set('d1', new Y.Map());
                    }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('polls')?.has('d1')")).asBoolean());

            assertEquals(200, call("POST", ballot, alice(), "{\"ballot\": [\"n1\", \"n1\"]}").statusCode());
            assertEquals(200, call("POST", ballot, bob(), "{\"ballot\": [\"n2\"]}").statusCode());
            // A second tab, or a change of mind: the ballot is replaced, never added to.
            assertEquals(200, call("POST", ballot, alice(), "{\"ballot\": [\"n3\"]}").statusCode());
            assertEquals(400, call("POST", ballot, alice(), "{\"ballot\": [\"n1\", \"n1\", \"n2\"]}").statusCode(), "over the budget");
            assertEquals(400, call("POST", ballot, alice(), "{\"ballot\": [\"elsewhere\"]}").statusCode(), "not put to the vote");
            assertEquals(403, call("POST", ballot, paula(), "{\"ballot\": [\"n1\"]}").statusCode(), "an observer of a workshop has no vote");
            assertTrue(call("GET", ballot, alice(), null).body().contains("\"n3\""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js",
                    "const p = doc.getMap('workshop').get('polls').get('d1'); return JSON.stringify(p.get('tally')) === '{\"n1\":0,\"n2\":1,\"n3\":1}' && p.get('voters') === 2")).asBoolean());
            String everything = node.call("run", Map.of("name", "alice", "js", "return JSON.stringify(doc.toJSON ? doc.getMap('workshop').toJSON() : '') + JSON.stringify(doc.getMap('votes').toJSON())")).asText();
            assertFalse(everything.contains("alice-id") || everything.contains("bob-id"), "the shared document says who voted: " + everything);

            // Written into the document by hand: refused, an anonymous poll takes its ballots by REST only.
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('votes').get('d1').set('alice-id', ['n1']); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 1 && doc.getMap('votes').has('d1') && !doc.getMap('votes').get('d1').has('alice-id')")).asBoolean());

            // A phase that does not allow voting holds for ballots the server writes, too (docs/rooms.md, "Phases").
            node.call("run", Map.of("name", "fabio", "js", """
                    doc.transact(() => { const r = new Y.Map(); doc.getMap('workshop').set('phaseRules', r); r.set('silent', ['private']);
                      doc.getMap('workshop').set('phase', 'silent'); }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('phase') === 'silent'")).asBoolean());
            HttpResponse<String> silent = call("POST", ballot, bob(), "{\"ballot\": [\"n1\"]}");
            assertEquals(409, silent.statusCode(), silent.body());
            assertTrue(silent.body().contains("'silent' allows private"), silent.body());
            assertTrue(call("GET", ballot, bob(), null).body().contains("\"n2\""), "bob's ballot is as it was");
            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('workshop').set('phase', 'vote'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('phase') === 'vote'")).asBoolean());

            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('workshop').get('polls').get('d1').set('state', 'closed'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('polls').get('d1').get('state') === 'closed'")).asBoolean());
            assertEquals(409, call("POST", ballot, bob(), "{\"ballot\": null}").statusCode(), "closed");
        }
        RawSocket secret = RawSocket.open(wsUrl() + "/ws/rooms/" + room + "/" + ReservedDocuments.BALLOTS, fabio());
        assertTrue(secret.closed.get(10, TimeUnit.SECONDS) >= 4000, "the ballots document opened for a facilitator");
        assertEquals(400, call("POST", "/api/rooms/" + room + "/documents", fabio(), "{\"name\": \"server-ballots\"}").statusCode());
    }
}
