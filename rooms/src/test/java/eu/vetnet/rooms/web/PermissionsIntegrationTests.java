package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every permission example of issue 4, with the real providers, and the rejection contract without a resend loop. */
class PermissionsIntegrationTests extends RoomsIntegrationTestSupport {

    private static final String FABIOS_NOTE = """
            const m = new Y.Map(); m.set('type', 'sticky'); m.set('owner', 'fabio-id'); m.set('text', 'plan');
            m.set('votes', new Y.Map()); doc.getMap('objects').set('n1', m); return true""";

    private Map<String, Object> open(String name, String kind, String room, String doc, String token) {
        return Map.of("name", name, "kind", kind, "socket", name, "url", wsUrl(), "room", room, "doc", doc, "token", token, "rejoin", true);
    }

    private static long rejections(NodeClients node, String name) {
        JsonNode events = node.call("events", Map.of("name", name));
        long n = 0;
        for (JsonNode e : events) {
            if ("vetnet.rejected".equals(e.path("type").asText())) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0}: editing someone else's sticky note is rejected, the client discards it, converges, and does not resend")
    @ValueSource(strings = {"hp", "yws"})
    void aRejectedEditIsDiscardedByTheClientWhichConvergesAndDoesNotResend(String kind) throws Exception {
        String room = room();
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", "hp", room, "board", fabio()));
            node.call("open", open("alice", kind, room, "board", alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice"))).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", FABIOS_NOTE));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('objects').get('n1')?.get('text') === 'plan'")).asBoolean());
            long before = server.stats().rejections();
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('objects').get('n1').set('text', 'vandal'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice",
                    "js", "return client.rejoins === 1 && doc.getMap('objects').get('n1')?.get('text') === 'plan'")).asBoolean(), node.stderr());
            // Own notes still work after the rejoin, and nothing is resent: one rejection, one rejoin.
            node.call("run", Map.of("name", "alice", "js", """
                    const m = new Y.Map(); m.set('owner', 'alice-id'); m.set('text', 'mine'); m.set('votes', new Y.Map());
                    doc.getMap('objects').set('a1', m); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').get('a1')?.get('text') === 'mine'")).asBoolean());
            Thread.sleep(1000);
            assertEquals(1, server.stats().rejections() - before);
            assertEquals(1, rejections(node, "alice"));
            assertEquals(1, node.call("rejoins", Map.of("name", "alice")).asInt());
            assertEquals("plan", serverDoc(room, "board", d -> ((YMap) d.getMap("objects").get("n1")).get("text")));
            assertEquals("plan", node.call("run", Map.of("name", "fabio", "js", "return doc.getMap('objects').get('n1').get('text')")).asText());
        }
    }

    @Test
    void participantAddsOwnNoteEditsAndDeletesItButNotOthersAndFacilitatorDeletesAny() throws Exception {
        String room = room();
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", "hp", room, "board", fabio()));
            node.call("open", open("alice", "hp", room, "board", alice()));
            node.call("open", open("bob", "yws", room, "board", bob()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice", "bob"))).asBoolean());
            node.call("run", Map.of("name", "alice", "js", """
                    const m = new Y.Map(); m.set('type', 'sticky'); m.set('owner', 'alice-id'); m.set('text', 'idea');
                    m.set('votes', new Y.Map()); doc.getMap('objects').set('a1', m); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "bob", "js", "return doc.getMap('objects').get('a1')?.get('text') === 'idea'")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('objects').get('a1').set('text', 'better idea'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').get('a1')?.get('text') === 'better idea'")).asBoolean());
            // Bob votes on Alice's note under his own id: allowed; for Carol: rejected.
            node.call("run", Map.of("name", "bob", "js", "doc.getMap('objects').get('a1').get('votes').set('bob-id', true); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('objects').get('a1').get('votes').get('bob-id') === true")).asBoolean());
            node.call("run", Map.of("name", "bob", "js", "doc.getMap('objects').get('a1').get('votes').set('carol-id', true); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "bob", "js", "return client.rejoins === 1 && doc.getMap('objects').get('a1') !== undefined")).asBoolean());
            assertEquals(Boolean.FALSE, serverDoc(room, "board", d -> ((YMap) ((YMap) d.getMap("objects").get("a1")).get("votes")).has("carol-id")));
            // Bob deletes Alice's note: rejected. Alice deletes her own, with Bob's vote in it: allowed.
            node.call("run", Map.of("name", "bob", "js", "doc.getMap('objects').delete('a1'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "bob", "js", "return client.rejoins === 2 && doc.getMap('objects').has('a1')")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('objects').delete('a1'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return !doc.getMap('objects').has('a1')")).asBoolean());
            // The facilitator deletes anyone's note.
            node.call("run", Map.of("name", "bob", "js", """
                    const m = new Y.Map(); m.set('owner', 'bob-id'); m.set('text', 'b'); doc.getMap('objects').set('b1', m); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('objects').has('b1')")).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('objects').delete('b1'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "bob", "js", "return !doc.getMap('objects').has('b1')")).asBoolean());
            assertEquals(0, rejections(node, "alice"));
            assertEquals(0, rejections(node, "fabio"));
        }
    }

    @Test
    void onlyFacilitatorsChangeTheAgendaTimerAndPhaseAndVotesGoUnderTheVotersOwnKey() throws Exception {
        String room = room();
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", "hp", room, "workshop", fabio()));
            node.call("open", open("alice", "hp", room, "workshop", alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice"))).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", """
                    const w = doc.getMap('workshop'); const a = new Y.Array(); a.push(['Welcome']); w.set('agenda', a);
                    w.set('phase', 'intro'); const poll = new Y.Map(); doc.getMap('votes').set('p1', poll); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('votes').has('p1') && doc.getMap('workshop').get('phase') === 'intro'")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('workshop').get('agenda').push(['Coffee']); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 1 && doc.getMap('workshop').get('agenda')?.length === 1")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('workshop').set('phase', 'vote'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 2 && doc.getMap('workshop').get('phase') === 'intro'")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('votes').get('p1').set('alice-id', 'B'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('votes').get('p1').get('alice-id') === 'B'")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('votes').get('p1').set('bob-id', 'A'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 3")).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('workshop').get('agenda').push(['Lunch']); doc.getMap('workshop').set('phase', 'vote'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('phase') === 'vote' && doc.getMap('workshop').get('agenda').length === 2")).asBoolean());
            assertEquals(2, (int) serverDoc(room, "workshop", d -> ((YArray) d.getMap("workshop").get("agenda")).length()));
            assertEquals(Boolean.FALSE, serverDoc(room, "workshop", d -> ((YMap) d.getMap("votes").get("p1")).has("bob-id")));
        }
    }

    @Test
    void oneHocuspocusSocketCarriesAWritableAReadOnlyAndAForbiddenDocument() throws Exception {
        String room = room();
        try (NodeClients node = new NodeClients()) {
            String token = alice();
            node.call("open", Map.of("name", "board", "kind", "hp", "socket", "one", "url", wsUrl(), "room", room, "doc", "board", "token", token));
            node.call("open", Map.of("name", "handout", "kind", "hp", "socket", "one", "url", wsUrl(), "room", room, "doc", "handout", "token", token));
            node.call("open", Map.of("name", "secret", "kind", "hp", "socket", "one", "url", wsUrl(), "room", room, "doc", "secret", "token", token));
            node.call("open", Map.of("name", "fabio", "kind", "hp", "socket", "f", "url", wsUrl(), "room", room, "doc", "handout", "token", fabio()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("board", "fabio"))).asBoolean());
            assertTrue(node.call("waitFor", Map.of("name", "secret", "js", "return client.events.some(e => e.type === 'authenticationFailed')")).asBoolean());
            assertTrue(node.call("waitFor", Map.of("name", "handout", "js", "return client.provider.authorizedScope === 'readonly'")).asBoolean());
            assertEquals("read-write", node.call("scope", Map.of("name", "board")).asText());
            node.call("run", Map.of("name", "fabio", "js", "doc.getText('t').insert(0, 'read me'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "handout", "js", "return doc.getText('t').toString() === 'read me'")).asBoolean());
            node.call("run", Map.of("name", "handout", "js", "doc.getText('t').insert(0, 'scribble '); return true"));
            node.call("run", Map.of("name", "board", "js", """
                    const m = new Y.Map(); m.set('owner', 'alice-id'); m.set('text', 'ok'); doc.getMap('objects').set('a1', m); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return true")).asBoolean());
            Thread.sleep(500);
            assertEquals("read me", serverDoc(room, "handout", d -> d.getText("t").toString()));
            assertEquals("ok", serverDoc(room, "board", d -> ((YMap) d.getMap("objects").get("a1")).get("text")));
            assertEquals("read me", node.call("run", Map.of("name", "fabio", "js", "return doc.getText('t').toString()")).asText());
        }
    }

    @Test
    void anObserverReadsAndSendsAwarenessButItsWritesAreDroppedAndItIsTold() throws Exception {
        String room = room();
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", "yws", room, "notes", fabio()));
            node.call("open", open("paula", "yws", room, "notes", paula()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "paula"))).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", "doc.getXmlFragment('default').insert(0, [new Y.XmlText('agenda')]); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "paula", "js", "return doc.getXmlFragment('default').length === 1")).asBoolean());
            node.call("run", Map.of("name", "paula", "js", """
                    awareness.setLocalStateField('user', { name: 'I am Fabio', id: 'fabio-id', color: '#0a0' });
                    doc.getXmlFragment('default').insert(0, [new Y.XmlText('policy')]); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", """
                    return [...awareness.getStates().values()].some(s => s.user && s.user.id === 'paula-id' && s.user.role === 'observer' && s.user.color === '#0a0')""")).asBoolean());
            Thread.sleep(300);
            assertEquals(1, (int) serverDoc(room, "notes", d -> d.getXmlFragment("default").length()));
            assertEquals(1, node.call("run", Map.of("name", "fabio", "js", "return doc.getXmlFragment('default').length")).asInt());
        }
    }
}
