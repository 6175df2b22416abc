package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.encoding.JsJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Real y-websocket and Hocuspocus clients editing one document at random, with disconnects, end equal to the server. */
class ConvergenceIntegrationTests extends RoomsIntegrationTestSupport {

    @Test
    void severalClientsOfBothProtocolsWithRandomConcurrentEditsAndDisconnectsConvergeWithTheServer() throws Exception {
        String room = room();
        List<String> names = List.of("y1", "y2", "y3", "h1", "h2");
        try (NodeClients node = new NodeClients()) {
            node.call("open", Map.of("name", "y1", "kind", "yws", "url", wsUrl(), "room", room, "doc", "scratch", "token", alice()));
            node.call("open", Map.of("name", "y2", "kind", "yws", "url", wsUrl(), "room", room, "doc", "scratch", "token", bob()));
            node.call("open", Map.of("name", "y3", "kind", "yws", "url", wsUrl(), "room", room, "doc", "scratch", "token", fabio()));
            node.call("open", Map.of("name", "h1", "kind", "hp", "socket", "s1", "url", wsUrl(), "room", room, "doc", "scratch", "token", alice()));
            node.call("open", Map.of("name", "h2", "kind", "hp", "socket", "s2", "url", wsUrl(), "room", room, "doc", "scratch",
                    "token", bob(), "header", true));
            assertTrue(node.call("waitSynced", Map.of("names", names, "ms", 15000)).asBoolean(), node.stderr());
            for (int seed = 1; seed <= 3; seed++) {
                node.call("fuzz", Map.of("names", names, "seed", seed, "steps", 300));
            }
            String expected = null;
            long end = System.currentTimeMillis() + 30_000;
            boolean converged = false;
            String last = "";
            while (!converged && System.currentTimeMillis() < end) {
                Thread.sleep(200);
                String serverState = serverSnapshot(room);
                converged = true;
                StringBuilder all = new StringBuilder("server " + serverState + "\n");
                for (String n : names) {
                    String client = clientSnapshot(node.call("snapshot", Map.of("name", n)));
                    all.append(n).append(' ').append(client).append('\n');
                    converged &= client.equals(serverState);
                }
                expected = serverState;
                last = all.toString();
            }
            assertTrue(converged, last);
            assertTrue(expected.length() > 50, "the fuzz made real edits: " + expected);
        }
    }

    private String serverSnapshot(String room) {
        return serverDoc(room, "scratch", d -> d.getText("t").toString() + " | "
                + new TreeMap<>(stringValues(d.getMap("m").toJson())) + " | " + JsJson.stringify(d.getArray("a").toJson()));
    }

    private static String clientSnapshot(JsonNode s) {
        Map<String, String> m = new TreeMap<>();
        s.get("m").properties().forEach(e -> m.put(e.getKey(), JsJson.stringify(JsJson.parse(e.getValue().toString()))));
        return s.get("t").asText() + " | " + m + " | " + JsJson.stringify(JsJson.parse(s.get("a").toString()));
    }

    private static Map<String, String> stringValues(Object json) {
        Map<String, String> out = new TreeMap<>();
        if (json instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), JsJson.stringify(v)));
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static void same(String a, String b) {
        assertEquals(a, b);
    }
}
