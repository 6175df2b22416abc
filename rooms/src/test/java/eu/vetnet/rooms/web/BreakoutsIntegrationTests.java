package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.room.RoomKind;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Breakouts (docs/dialogue.md, "Breakouts") with the real providers: each group's room starts from its frame of the
 * plenary board and admits its members only; bringing everyone back copies each group's board into its frame with
 * the server's engine, marked with the group, and tells the group's room where to go.
 */
class BreakoutsIntegrationTests extends RoomsIntegrationTestSupport {

    private Map<String, Object> open(String name, String room, String doc, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", doc, "token", token, "rejoin", true);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return call("POST", path, token, body);
    }

    @Test
    void groupsWorkOnTheirFrameInRoomsOfTheirOwnAndTheirBoardsComeBack() throws Exception {
        String plenary = room(RoomKind.WORKSHOP, List.of(), List.of());
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", plenary, "board", fabio()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio"))).asBoolean());
            node.call("run", Map.of("name", "fabio", "js", """
                    const put = (id, fields) => { const m = new Y.Map(); doc.getMap('objects').set(id, m);
                      for (const [k, v] of Object.entries(fields)) m.set(k, v); m.set('votes', new Y.Map()); };
                    doc.transact(() => {
                      put('f1', { type: 'frame', owner: 'fabio-id', x: 0, y: 0, w: 400, h: 300, text: 'Mentoring' });
                      put('n1', { type: 'note', owner: 'fabio-id', x: 40, y: 60, w: 160, h: 100, text: 'Who mentors?' });
                      put('f2', { type: 'frame', owner: 'fabio-id', x: 500, y: 0, w: 400, h: 300, text: 'Funding' });
                      put('n3', { type: 'note', owner: 'fabio-id', x: 540, y: 60, w: 160, h: 100, text: 'Regional fund?' });
                      put('out', { type: 'note', owner: 'fabio-id', x: 40, y: 900, w: 160, h: 100, text: 'Parking lot' });
                    }); return true"""));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio"))).asBoolean());

            String body = "{\"groups\": [{\"frame\": \"f1\", \"members\": [\"alice-id\"]}, {\"frame\": \"f2\", \"members\": [\"bob-id\"]}], \"minutes\": 10}";
            assertEquals(403, post("/api/rooms/" + plenary + "/breakouts", alice(), body).statusCode(), "a participant starts no breakouts");
            HttpResponse<String> missing = post("/api/rooms/" + plenary + "/breakouts", fabio(), "{\"groups\": [{\"frame\": \"n1\", \"members\": [\"alice-id\"]}]}");
            assertEquals(400, missing.statusCode(), missing.body());
            HttpResponse<String> started = post("/api/rooms/" + plenary + "/breakouts", fabio(), body);
            assertEquals(200, started.statusCode(), started.body());
            JsonNode groups = new ObjectMapper().readTree(started.body());
            assertEquals(2, groups.size(), started.body());
            String groupA = groups.get(0).path("room").asText();
            String groupB = groups.get(1).path("room").asText();
            assertEquals("Mentoring", groups.get(0).path("title").asText());
            HttpResponse<String> record = call("GET", "/api/rooms/" + groupA, alice(), null);
            assertEquals(200, record.statusCode(), record.body());
            assertEquals("test room · Mentoring", new ObjectMapper().readTree(record.body()).path("title").asText());
            assertEquals("participant", new ObjectMapper().readTree(record.body()).path("yourRole").asText());
            assertEquals(409, post("/api/rooms/" + plenary + "/breakouts", fabio(), body).statusCode(), "breakouts are under way");

            // Alice's group starts from its frame (and only from it), with the plenary's timer.
            node.call("open", open("aliceA", groupA, "board", alice()));
            node.call("open", open("aliceAWorkshop", groupA, "workshop", alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("aliceA", "aliceAWorkshop"))).asBoolean());
            assertEquals("f1,n1", node.call("run", Map.of("name", "aliceA", "js", "return [...doc.getMap('objects').keys()].sort().join()")).asText());
            assertEquals(600, node.call("run", Map.of("name", "aliceAWorkshop", "js", "return doc.getMap('workshop').get('timer').get('durationSec')")).asInt());
            assertEquals(plenary, node.call("run", Map.of("name", "aliceAWorkshop", "js", "return doc.getMap('workshop').get('plenary')")).asText());
            // Bob is in the other group: this room is not his.
            RawSocket bobInA = RawSocket.open(wsUrl() + "/ws/rooms/" + groupA + "/board", bob());
            assertTrue(bobInA.closed.get(10, TimeUnit.SECONDS) >= 4000, "bob opened the other group's board");

            node.call("run", Map.of("name", "aliceA", "js", """
                    doc.transact(() => { const m = new Y.Map(); doc.getMap('objects').set('a1', m); m.set('type', 'note'); m.set('owner', 'alice-id');
                      m.set('x', 60); m.set('y', 180); m.set('text', 'Retired masters as mentors'); m.set('votes', new Y.Map()); }); return true"""));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("aliceA"))).asBoolean());
            assertNotNull(serverDoc(groupA, "board", d -> d.getMap("objects").get("a1")), () -> node.call("events", Map.of("name", "aliceA")).toString());

            assertEquals(403, post("/api/rooms/" + plenary + "/breakouts/return", alice(), "{}").statusCode());
            HttpResponse<String> back = post("/api/rooms/" + plenary + "/breakouts/return", fabio(), "{}");
            assertEquals(200, back.statusCode(), back.body());
            assertEquals(2, new ObjectMapper().readTree(back.body()).path("groups").asInt(), back.body());

            // The group's note is on the plenary board, hers, marked with her group; what stayed outside is untouched.
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js",
                    "return doc.getMap('objects').get('a1')?.get('text') === 'Retired masters as mentors'")).asBoolean());
            assertEquals("alice-id", serverDoc(plenary, "board", d -> ((YMap) d.getMap("objects").get("a1")).get("owner")));
            assertEquals("Mentoring", serverDoc(plenary, "board", d -> ((YMap) d.getMap("objects").get("a1")).get("breakout")));
            assertEquals("Parking lot", serverDoc(plenary, "board", d -> ((YMap) d.getMap("objects").get("out")).get("text")));
            assertNull(serverDoc(plenary, "board", d -> ((YMap) d.getMap("objects").get("out")).get("breakout")));
            // Everyone returns: the group's room says where to.
            assertTrue(node.call("waitFor", Map.of("name", "aliceAWorkshop", "js", "return doc.getMap('workshop').get('returnTo') === '" + plenary + "'")).asBoolean());
            assertNotNull(serverDoc(plenary, "workshop", d -> d.getMap("workshop").get("breakouts")));
            assertEquals(409, post("/api/rooms/" + plenary + "/breakouts/return", fabio(), "{}").statusCode(), "nothing left to bring back");
            // Group B's room was seeded and read back without anyone in it.
            assertEquals("Funding", serverDoc(plenary, "board", d -> ((YMap) d.getMap("objects").get("n3")).get("breakout")));
            assertNotNull(groupB);
        }
    }
}
