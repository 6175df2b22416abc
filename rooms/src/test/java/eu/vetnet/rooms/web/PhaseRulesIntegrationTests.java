package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.privatenotes.PrivateNotes;
import eu.vetnet.rooms.room.RoomKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phases as data (docs/rooms.md, "Phases"), at the wire with the real providers: the facilitator's rules in the
 * workshop document decide what participants may do on the board, in the workshop and on their private board, and the
 * room server holds them against a client that ignores them; changing the phase changes what is allowed at once.
 */
class PhaseRulesIntegrationTests extends RoomsIntegrationTestSupport {

    private Map<String, Object> open(String name, String room, String doc, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", doc, "token", token, "rejoin", true);
    }

    @Test
    void silentIdeationKeepsTheBoardAndQuestionsClosedUntilTheFacilitatorMovesOn() throws Exception {
        String room = room(RoomKind.WORKSHOP, List.of(), List.of());
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, "workshop", fabio()));
            node.call("open", open("aliceBoard", room, "board", alice()));
            node.call("open", open("aliceWorkshop", room, "workshop", alice()));
            node.call("open", open("alicePrivate", room, PrivateNotes.documentOf("alice-id"), alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "aliceBoard", "aliceWorkshop", "alicePrivate"))).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", """
                    doc.transact(() => {
                      const rules = new Y.Map(); doc.getMap('workshop').set('phaseRules', rules);
                      rules.set('silent', ['private']); rules.set('gather', ['add', 'edit', 'ask', 'private']);
                      doc.getMap('workshop').set('phase', 'silent');
                    }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "aliceWorkshop", "js", "return doc.getMap('workshop').get('phase') === 'silent'")).asBoolean());

            // A client that ignores the phase: the board and the questions refuse it, her private board takes it.
            node.call("run", Map.of("name", "aliceBoard", "js", """
                    const m = new Y.Map(); m.set('owner', 'alice-id'); m.set('text', 'too early'); m.set('votes', new Y.Map());
                    doc.getMap('objects').set('a1', m); return true"""));
            node.call("run", Map.of("name", "aliceWorkshop", "js", """
                    const q = new Y.Map(); q.set('owner', 'alice-id'); q.set('text', 'may I?'); q.set('upvotes', new Y.Map());
                    doc.getMap('questions').set('q1', q); return true"""));
            node.call("run", Map.of("name", "alicePrivate", "js", """
                    const m = new Y.Map(); m.set('owner', 'alice-id'); m.set('text', 'my idea'); m.set('votes', new Y.Map());
                    doc.getMap('objects').set('p1', m); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "aliceBoard", "js", "return client.rejoins === 1")).asBoolean());
            assertTrue(node.call("waitFor", Map.of("name", "aliceWorkshop", "js", "return client.rejoins === 1")).asBoolean());
            assertTrue(node.call("waitSynced", Map.of("names", List.of("alicePrivate", "aliceBoard", "aliceWorkshop"))).asBoolean());
            assertNull(serverDoc(room, "board", d -> d.getMap("objects").get("a1")));
            assertNull(serverDoc(room, "workshop", d -> d.getMap("questions").get("q1")));
            assertNotNull(serverDoc(room, PrivateNotes.documentOf("alice-id"), d -> d.getMap("objects").get("p1")));
            assertEquals(0, node.call("rejoins", Map.of("name", "alicePrivate")).asInt());

            // The facilitator moves on: the same changes now pass.
            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('workshop').set('phase', 'gather'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "aliceWorkshop", "js", "return doc.getMap('workshop').get('phase') === 'gather'")).asBoolean());
            node.call("run", Map.of("name", "aliceBoard", "js", """
                    const m = new Y.Map(); m.set('owner', 'alice-id'); m.set('text', 'now'); m.set('votes', new Y.Map());
                    doc.getMap('objects').set('a2', m); return true"""));
            node.call("run", Map.of("name", "aliceWorkshop", "js", """
                    const q = new Y.Map(); q.set('owner', 'alice-id'); q.set('text', 'now?'); q.set('upvotes', new Y.Map());
                    doc.getMap('questions').set('q2', q); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('questions').get('q2')?.get('text') === 'now?'")).asBoolean());
            assertTrue(node.call("waitSynced", Map.of("names", List.of("aliceBoard"))).asBoolean());
            assertEquals("now", serverDoc(room, "board", d -> ((eu.vetnet.crdt.types.YMap) d.getMap("objects").get("a2")).get("text")));
            assertEquals(1, node.call("rejoins", Map.of("name", "aliceBoard")).asInt());

            // A vote is not in this phase's rule: refused, though the note takes votes in other phases.
            node.call("run", Map.of("name", "aliceBoard", "js", "doc.getMap('objects').get('a2').get('votes').set('alice-id', true); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "aliceBoard", "js",
                    "return client.rejoins === 2 && doc.getMap('objects').has('a2') && !doc.getMap('objects').get('a2').get('votes').has('alice-id')")).asBoolean());
        }
    }
}
