package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.room.RoomKind;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Strict moderation of statements (docs/dialogue.md, "Strict moderation") with the real providers: while it holds, a
 * statement reaches the shared document only through the server once a facilitator approves it; written in directly
 * it is refused; approved, it is its author's, votes come and go, its text stays as approved.
 */
class StatementModerationIntegrationTests extends RoomsIntegrationTestSupport {

    private Map<String, Object> open(String name, String room, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", "workshop", "token", token, "rejoin", true);
    }

    @Test
    void aStatementIsSharedOnlyOnceApprovedAndStaysAsApproved() throws Exception {
        String room = room(RoomKind.DIALOGUE_SESSION, List.of(), List.of());
        String path = "/api/rooms/" + room + "/statements/submissions";
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, fabio()));
            node.call("open", open("alice", room, alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice"))).asBoolean());
            assertEquals(409, call("POST", path, alice(), "{\"text\": \"Mentors should be shared\"}").statusCode(), "not moderated yet");

            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('workshop').set('statementModeration', 'strict'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('statementModeration') === 'strict'")).asBoolean());
            // Written in directly: refused.
            node.call("run", Map.of("name", "alice", "js", """
                    doc.transact(() => { const s = new Y.Map(); doc.getMap('statements').set('direct', s); s.set('text', 'sneaked in');
                      s.set('owner', 'alice-id'); s.set('votes', new Y.Map()); }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 1 && doc.getMap('workshop').has('statementModeration') && !doc.getMap('statements').has('direct')")).asBoolean());
            assertNull(serverDoc(room, "workshop", d -> d.getMap("statements").get("direct")));

            HttpResponse<String> submitted = call("POST", path, alice(), "{\"text\": \"Mentors should be shared\"}");
            assertEquals(200, submitted.statusCode(), submitted.body());
            String sid = new ObjectMapper().readTree(submitted.body()).path("id").asText();
            String other = new ObjectMapper().readTree(call("POST", path, alice(), "{\"text\": \"Off topic\"}").body()).path("id").asText();
            assertEquals(2, new ObjectMapper().readTree(call("GET", path, fabio(), null).body()).size());
            assertEquals(2, new ObjectMapper().readTree(call("GET", path, alice(), null).body()).size(), "her own");
            assertEquals(0, new ObjectMapper().readTree(call("GET", path, bob(), null).body()).size(), "not bob's to see");
            assertTrue(node.call("run", Map.of("name", "fabio", "js", "return doc.getMap('statements').size === 0")).asBoolean(), "nothing shared before approval");

            assertEquals(403, call("POST", path + "/" + sid, bob(), "{\"approve\": true}").statusCode());
            assertEquals(200, call("POST", path + "/" + sid, fabio(), "{\"approve\": true}").statusCode());
            assertEquals(200, call("POST", path + "/" + other, fabio(), "{\"approve\": false}").statusCode());
            assertEquals(404, call("POST", path + "/" + other, fabio(), "{\"approve\": true}").statusCode(), "decided already");
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js",
                    "return doc.getMap('statements').get('" + sid + "')?.get('owner') === 'alice-id' && doc.getMap('statements').size === 1")).asBoolean());

            // Her vote is hers to give; the text stays as approved.
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('statements').get('" + sid + "').get('votes').set('alice-id', 1); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('statements').get('" + sid + "')?.get('votes').get('alice-id') === 1")).asBoolean());
            node.call("run", Map.of("name", "alice", "js", "doc.getMap('statements').get('" + sid + "').set('text', 'changed after approval'); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return client.rejoins === 2 && doc.getMap('statements').get('" + sid + "')?.get('text') === 'Mentors should be shared'")).asBoolean());
            assertEquals("Mentors should be shared", serverDoc(room, "workshop", d -> ((YMap) d.getMap("statements").get(sid)).get("text")));
            assertEquals(0, new ObjectMapper().readTree(call("GET", path, fabio(), null).body()).size(), "nothing waits");
        }
    }
}
