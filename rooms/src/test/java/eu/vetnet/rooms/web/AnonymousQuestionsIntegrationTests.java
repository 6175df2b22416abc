package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.room.RoomKind;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anonymous questions (docs/dialogue.md, "Anonymous questions") with the real providers: only where the facilitator
 * allows them, asked by anyone with a voice, written by the server owned by nobody (no user id of the asker in the
 * document), still rate-limited per person, and held to the phase like any question.
 */
class AnonymousQuestionsIntegrationTests extends RoomsIntegrationTestSupport {

    private Map<String, Object> open(String name, String room, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", "workshop", "token", token, "rejoin", true);
    }

    private HttpResponse<String> ask(String room, String token, String text) throws Exception {
        return call("POST", "/api/rooms/" + room + "/questions/anonymous", token, "{\"text\": \"" + text + "\"}");
    }

    @Test
    void onlyWhereAllowedWithoutANameRateLimitedAndHeldToThePhase() throws Exception {
        String room = room(RoomKind.DIALOGUE_SESSION, List.of(), List.of());
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, fabio()));
            node.call("open", open("alice", room, alice()));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice"))).asBoolean());
            assertEquals(409, ask(room, alice(), "Who pays?").statusCode(), "not allowed yet");

            node.call("run", Map.of("name", "fabio", "js", "doc.getMap('workshop').set('anonymousQuestions', true); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('anonymousQuestions') === true")).asBoolean());
            // A participant cannot allow them herself: the workshop map is the facilitator's.
            HttpResponse<String> first = ask(room, paula(), "Who pays the mentors?");
            assertEquals(200, first.statusCode(), "a dialogue seat asks too: " + first.body());
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js",
                    "return [...doc.getMap('questions').values()].some((q) => q.get('text') === 'Who pays the mentors?' && q.get('owner') === 'anonymous')")).asBoolean());
            String everything = node.call("run", Map.of("name", "alice", "js", "return JSON.stringify(doc.getMap('questions').toJSON())")).asText();
            assertFalse(everything.contains("paula"), "the document says who asked: " + everything);
            assertEquals(400, ask(room, alice(), "").statusCode());

            // The rate: three per window and person; others are not held by hers.
            assertEquals(200, ask(room, alice(), "one").statusCode());
            assertEquals(200, ask(room, alice(), "two").statusCode());
            assertEquals(200, ask(room, alice(), "three").statusCode());
            assertEquals(429, ask(room, alice(), "four").statusCode());
            assertEquals(200, ask(room, bob(), "mine").statusCode());
            // The window (3 s here, a minute by default) passes: she may ask again.
            Thread.sleep(3_200);
            assertEquals(200, ask(room, alice(), "five").statusCode());

            // A phase that does not take questions refuses them, named or not.
            node.call("run", Map.of("name", "fabio", "js", """
                    doc.transact(() => { const r = new Y.Map(); doc.getMap('workshop').set('phaseRules', r); r.set('silent', ['private']);
                      doc.getMap('workshop').set('phase', 'silent'); }); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "alice", "js", "return doc.getMap('workshop').get('phase') === 'silent'")).asBoolean());
            HttpResponse<String> silent = ask(room, bob(), "now?");
            assertEquals(409, silent.statusCode(), silent.body());
            assertTrue(silent.body().contains("'silent'"), silent.body());
        }
        assertEquals(403, ask(room, issuer.token("eve", "participant"), "let me in").statusCode());
    }
}
