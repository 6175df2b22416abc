package eu.vetnet.rooms.web;

import eu.vetnet.testkit.TestMailServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import eu.vetnet.rooms.room.RoomKind;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Follow-up that can be traced (docs/dialogue.md, "Follow-up"), through the real room server and a real SMTP server
 * (GreenMail, {@link TestMailServer}): a facilitator's proposal carries the statements and votes behind it, only its addressee answers, everyone
 * who took part is told in the app and by e-mail, and the public page shows it once published, without any user id.
 */
class FollowUpIntegrationTests extends RoomsIntegrationTestSupport {

    private static final GreenMail SMTP = TestMailServer.SMTP;

    private final ObjectMapper json = new ObjectMapper();

    private String withEmail(String user, String role) {
        return issuer.token(user, Duration.ofHours(1), Map.of("email", user + "@vetnet.test"), role);
    }

    private Map<String, Object> open(String name, String room, String token) {
        return Map.of("name", name, "kind", "hp", "socket", name, "url", wsUrl(), "room", room, "doc", "workshop", "token", token, "rejoin", true);
    }

    private static String recipients(MimeMessage m) {
        try {
            return GreenMailUtil.getAddressList(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aProposalIsAnsweredByItsAddresseeEveryoneIsToldAndThePublicPageShowsTheChain() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        String room = room(RoomKind.DIALOGUE_SESSION, List.of(), List.of());
        String fabio = withEmail("fabio", "facilitator");
        String alice = withEmail("alice", "participant");
        String paula = withEmail("paula", "policymaker");
        try (NodeClients node = new NodeClients()) {
            node.call("open", open("fabio", room, fabio));
            node.call("open", open("alice", room, alice));
            node.call("open", open("paula", room, paula));
            assertTrue(node.call("waitSynced", Map.of("names", List.of("fabio", "alice", "paula"))).asBoolean());
            node.call("run", Map.of("name", "alice", "js", """
                    doc.transact(() => { const s = new Y.Map(); doc.getMap('statements').set('s1', s); s.set('text', 'Mentors should be shared');
                      s.set('owner', 'alice-id'); s.set('votes', new Y.Map()); });
                    doc.getMap('statements').get('s1').get('votes').set('alice-id', 1); return true"""));
            assertTrue(node.call("waitFor", Map.of("name", "paula", "js", "return doc.getMap('statements').get('s1')?.get('votes').size === 1")).asBoolean());
            node.call("run", Map.of("name", "paula", "js", "doc.getMap('statements').get('s1').get('votes').set('paula-id', 0); return true"));
            assertTrue(node.call("waitFor", Map.of("name", "fabio", "js", "return doc.getMap('statements').get('s1')?.get('votes').size === 2")).asBoolean());
        }
        String path = "/api/rooms/" + room + "/proposals";
        String body = "{\"title\": \"Shared mentors\", \"text\": \"Pool mentors across SMEs\", \"addressee\": \"paula-id\", \"statements\": [\"s1\"]}";
        assertEquals(403, call("POST", path, alice, body).statusCode(), "a participant does not propose");
        assertEquals(400, call("POST", path, fabio, body.replace("paula-id", "nobody-id")).statusCode(), "the addressee took part");
        HttpResponse<String> made = call("POST", path, fabio, body);
        assertEquals(200, made.statusCode(), made.body());
        JsonNode proposal = json.readTree(made.body());
        String id = proposal.path("id").asText();
        assertEquals(1, proposal.path("evidence").get(0).path("agree").asInt(), made.body());
        assertEquals(1, proposal.path("evidence").get(0).path("pass").asInt(), made.body());

        // Only the addressee answers; a status is required.
        String answer = "{\"status\": \"PARTLY_ACCEPTED\", \"text\": \"Two regions first\", \"actions\": \"A pilot in 2027\"}";
        assertEquals(403, call("POST", "/api/proposals/" + id + "/answers", fabio, answer).statusCode());
        assertEquals(400, call("POST", "/api/proposals/" + id + "/answers", paula, "{\"text\": \"yes\"}").statusCode());
        HttpResponse<String> answered = call("POST", "/api/proposals/" + id + "/answers", paula, answer);
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("PARTLY_ACCEPTED", json.readTree(answered.body()).path("status").asText());
        assertTrue(call("GET", "/api/proposals/mine", paula, null).body().contains(id));

        // Told in the app and by e-mail: everyone who took part.
        assertTrue(call("GET", "/api/notifications", alice, null).body().contains("Two regions first"));
        assertTrue(SMTP.waitForIncomingEmail(10_000, 6), "mails received: " + SMTP.getReceivedMessages().length);
        MimeMessage toAlice = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipients(m).contains("alice@vetnet.test"))
                .filter(m -> GreenMailUtil.getBody(m).contains("Two regions first")).findFirst().orElseThrow();
        assertTrue(toAlice.getSubject().contains("Paula answered"), toAlice.getSubject());
        assertTrue(GreenMailUtil.getBody(toAlice).contains("/rooms/" + room));

        // Public once the facilitator publishes it, and then without a single user id.
        assertEquals(404, call("GET", "/api/public/proposals/" + id, null, null).statusCode());
        assertEquals(403, call("POST", "/api/proposals/" + id + "/publication", alice, "{\"published\": true}").statusCode());
        assertEquals(200, call("POST", "/api/proposals/" + id + "/publication", fabio, "{\"published\": true}").statusCode());
        HttpResponse<String> page = call("GET", "/api/public/proposals/" + id, null, null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Two regions first") && page.body().contains("Mentors should be shared"), page.body());
        assertFalse(page.body().contains("-id\""), "a user id on the public page: " + page.body());
        assertFalse(page.body().contains("alice"), page.body());
    }
}
