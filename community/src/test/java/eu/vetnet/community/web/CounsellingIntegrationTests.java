package eu.vetnet.community.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.testkit.TestMailServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Peer counselling end to end on the real Cassandra and a real SMTP server: a member's case, the peer suggested with
 * the reasons, the invitation e-mail with its calendar, the answer, the room, the outcome, the practice; and who may
 * not see or do what.
 */
class CounsellingIntegrationTests extends CommunityIntegrationTestSupport {

    /** Names and a topic no earlier run used: the keyspace keeps earlier runs' people and cases. */
    private final String run = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String asker = "alice" + run;
    private final String peer = "fabio" + run;

    private String token(String username, String... roles) {
        return "Bearer " + issuer.token(username, Duration.ofMinutes(10), Map.of("email", username + "@vetnet.test"), roles);
    }

    private JsonNode send(String method, String path, String bearer, Object body, HttpStatus expected) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, bearer);
        var exchange = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus().isEqualTo(expected).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aCaseFindsItsPeerWhoAcceptsAndTheOutcomeBecomesAPractice() throws Exception {
        String peerToken = token(peer, "facilitator");
        String askerToken = token(asker, "participant");
        // The peer says what they know and that they may be asked; hides nothing.
        JsonNode profile = send("PUT", "/api/community/profile/me", peerToken, Map.of("headline", "Apprenticeship coordinator",
                "expertise", List.of("Apprenticeship", "mentoring", run), "sectors", List.of("c16"), "languages", List.of("it", "en"),
                "country", "IT", "region", "ITH3", "listed", true, "availableForCounselling", true), HttpStatus.OK);
        assertEquals(List.of("apprenticeship", "mentoring", run), profile.get("expertise").valueStream().map(JsonNode::asString).toList());
        assertFalse(profile.has("email"), "a profile never answers the e-mail address");

        // The directory shows the peer to members, by sector and words.
        JsonNode found = send("GET", "/api/community/directory?sector=C&q=" + run, askerToken, null, HttpStatus.OK);
        assertEquals(1, found.get("total").asInt(), found.toString());
        assertEquals(peer, found.get("people").get(0).get("username").asString());
        assertFalse(found.toString().contains("@vetnet.test"));

        JsonNode created = send("POST", "/api/community/cases", askerToken, Map.of("title", "Sharing mentors " + run,
                "challenge", "Our members are too small to train apprentices alone.", "sector", "C16", "country", "IT",
                "region", "ITH3", "topics", List.of("apprenticeship", run), "language", "it", "organisationType", "SME_ASSOCIATION"),
                HttpStatus.CREATED);
        String id = created.get("id").asString();
        assertEquals("OPEN", created.get("status").asString());
        assertTrue(created.get("mine").asBoolean());

        // Nobody else sees the case; only its member asks for suggestions.
        send("GET", "/api/community/cases/" + id, peerToken, null, HttpStatus.NOT_FOUND);
        send("GET", "/api/community/cases/" + id + "/suggestions", peerToken, null, HttpStatus.NOT_FOUND);
        JsonNode suggestions = send("GET", "/api/community/cases/" + id + "/suggestions", askerToken, null, HttpStatus.OK);
        JsonNode first = suggestions.get(0);
        assertEquals(peer, first.get("person").get("username").asString(), suggestions.toString());
        assertEquals(List.of("sectorDivision", "region", "expertise", "expertise", "language"),
                first.get("reasons").valueStream().map(r -> r.get("kind").asString()).toList(), first.toString());
        assertEquals(4 + 2 + 2 + 2 + 1, first.get("score").asInt());

        // The invitation: refused for a date past, then sent, and the peer's mailbox receives it with its calendar.
        String peerId = first.get("person").get("id").asString();
        Map<String, Object> past = Map.of("peers", List.of(peerId), "start", Instant.now().minusSeconds(60).toString(), "minutes", 60);
        assertTrue(send("POST", "/api/community/cases/" + id + "/invitations", askerToken, past, HttpStatus.BAD_REQUEST)
                .get("message").asString().startsWith("start"));
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        JsonNode invited = send("POST", "/api/community/cases/" + id + "/invitations", askerToken,
                Map.of("peers", List.of(peerId), "start", start.toString(), "minutes", 60, "message", "Thursday suits us"), HttpStatus.OK);
        assertEquals("PENDING", invited.get("invitations").get(0).get("status").asString());
        MimeMessage mail = awaitMail(peer + "@vetnet.test", "Peer counselling invitation");
        assertTrue(mail.getSubject().contains("Sharing mentors " + run), mail.getSubject());
        String calendar = attachment(mail, "text/calendar");
        assertTrue(calendar.contains("METHOD:REQUEST"), calendar);
        assertTrue(calendar.replace("\r\n ", "").contains("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + peer + "@vetnet.test"), calendar);
        assertTrue(calendar.contains("ORGANIZER;CN="), "answers go to the member who asked: " + calendar);

        // The peer now sees the case, accepts, and downloads the meeting.
        JsonNode accepted = send("POST", "/api/community/cases/" + id + "/answer", peerToken, Map.of("answer", "ACCEPTED"), HttpStatus.OK);
        assertEquals("MEETING_SET", accepted.get("status").asString());
        assertFalse(accepted.get("mine").asBoolean());
        assertTrue(send("GET", "/api/community/cases/mine", peerToken, null, HttpStatus.OK).valueStream().anyMatch(c -> c.get("id").asString().equals(id)));
        // The member who asked is told: in the app, and in the next digest e-mail.
        JsonNode told = send("GET", "/api/community/notifications", askerToken, null, HttpStatus.OK);
        assertEquals("ANSWER", told.get(0).get("kind").asString(), told.toString());
        assertEquals("/counselling/" + id, told.get(0).get("link").asString());
        assertEquals("INVITATION", send("GET", "/api/community/notifications", peerToken, null, HttpStatus.OK).get(0).get("kind").asString());
        MimeMessage digest = awaitMail(asker + "@vetnet.test", "VET-NET digest");
        assertTrue(digest.getSubject().startsWith("VET-NET digest"), digest.getSubject());
        assertTrue(String.valueOf(digest.getContent()).contains("accepted your invitation to counsel on: Sharing mentors " + run), String.valueOf(digest.getContent()));
        // Across more periods (2 s here): nothing new, no second digest; something new, the next period's digest.
        Thread.sleep(5_000);
        assertEquals(1, mailsTo(asker + "@vetnet.test"), "a period with nothing new sends no digest");
        send("POST", "/api/community/cases/" + id + "/answer", peerToken, Map.of("answer", "DECLINED"), HttpStatus.OK);
        send("POST", "/api/community/cases/" + id + "/answer", peerToken, Map.of("answer", "ACCEPTED"), HttpStatus.OK);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (mailsTo(asker + "@vetnet.test") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(2, mailsTo(asker + "@vetnet.test"), "the next digest carries what came after the first");
        String ics = http.get().uri("/api/community/cases/" + id + "/calendar.ics").header(HttpHeaders.AUTHORIZATION, peerToken).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertTrue(ics.contains("DTSTART:"), ics);

        // Only the member who asked links the room, records the outcome and makes the practice.
        send("PUT", "/api/community/cases/" + id + "/room", askerToken, Map.of("roomId", "<script>"), HttpStatus.BAD_REQUEST);
        send("PUT", "/api/community/cases/" + id + "/room", peerToken, Map.of("roomId", "room-1"), HttpStatus.FORBIDDEN);
        assertEquals("room-" + run, send("PUT", "/api/community/cases/" + id + "/room", askerToken, Map.of("roomId", "room-" + run), HttpStatus.OK)
                .get("roomId").asString());
        send("POST", "/api/community/cases/" + id + "/practice", askerToken, null, HttpStatus.CONFLICT);
        JsonNode closed = send("PUT", "/api/community/cases/" + id + "/outcome", askerToken,
                Map.of("advice", "Pool one tutor across three workshops.", "nextSteps", "Ask the region for a mentoring voucher."), HttpStatus.OK);
        assertEquals("CLOSED", closed.get("status").asString());
        JsonNode practice = send("POST", "/api/community/cases/" + id + "/practice", askerToken, null, HttpStatus.CREATED);
        assertEquals("DRAFT", practice.get("status").asString());
        assertEquals("Sharing mentors " + run, practice.get("title").asString());
        assertEquals("/rooms/room-" + run, practice.get("links").get(0).get("url").asString());
        assertEquals(practice.get("id").asString(), send("GET", "/api/community/cases/" + id, askerToken, null, HttpStatus.OK).get("practiceId").asString());
        send("POST", "/api/community/cases/" + id + "/practice", askerToken, null, HttpStatus.CONFLICT);

        // Their own data: one download with the profile (and address), the practice, the case, the notifications.
        JsonNode mine = send("GET", "/api/community/me/export", askerToken, null, HttpStatus.OK);
        assertEquals(asker + "@vetnet.test", mine.get("profile").get("email").asString());
        assertTrue(mine.get("practices").valueStream().anyMatch(p -> p.get("id").asString().equals(practice.get("id").asString())));
        assertTrue(mine.get("counsellingCases").valueStream().anyMatch(c -> c.get("id").asString().equals(id)));
        assertEquals("ANSWER", mine.get("notifications").get(0).get("kind").asString());
        assertFalse(mine.get("notYetIncluded").isEmpty(), "what the download does not carry yet is named in it");
        assertFalse(send("GET", "/api/community/me/export", peerToken, null, HttpStatus.OK).toString().contains(asker + "@vetnet.test"),
                "nobody's download holds another person's address");
        send("POST", "/api/community/cases/" + id + "/invitations", askerToken,
                Map.of("peers", List.of(peerId), "start", start.toString(), "minutes", 60), HttpStatus.CONFLICT);
    }

    @Test
    void hiddenFieldsStayHiddenAndBadProfilesAreRefused() {
        String user = "hidden" + run;
        String bearer = token(user, "participant");
        send("PUT", "/api/community/profile/me", bearer, Map.of("headline", "Secret headline " + run, "sectors", List.of("F43"),
                "languages", List.of("de"), "country", "DE", "listed", true,
                "visibility", Map.of("headline", "HIDDEN", "sectors", "HIDDEN")), HttpStatus.OK);
        JsonNode card = send("GET", "/api/community/directory?q=" + user, token("nadia" + run, "participant"), null, HttpStatus.OK).get("people").get(0);
        assertNull(card.get("headline"), card.toString());
        assertNull(card.get("sectors"), card.toString());
        assertEquals("DE", card.get("country").asString());
        assertEquals(0, send("GET", "/api/community/directory?sector=F&q=" + user, bearer, null, HttpStatus.OK).get("total").asInt(),
                "a hidden sector is not searched");
        assertTrue(send("PUT", "/api/community/profile/me", bearer, Map.of("sectors", List.of("F16")), HttpStatus.BAD_REQUEST)
                .get("message").asString().startsWith("sectors"));
        assertTrue(send("PUT", "/api/community/profile/me", bearer, Map.of("visibility", Map.of("email", "MEMBERS")), HttpStatus.BAD_REQUEST)
                .get("message").asString().startsWith("visibility"));
        assertEquals("Secret headline " + run, send("GET", "/api/community/profile/me", bearer, null, HttpStatus.OK).get("headline").asString(),
                "a refused change changed nothing");
        http.get().uri("/api/community/directory").exchange().expectStatus().isUnauthorized();
        JsonNode quiet = send("PUT", "/api/community/profile/me", bearer, Map.of("emailDigest", false, "emailInvitations", false), HttpStatus.OK);
        assertFalse(quiet.get("emailDigest").asBoolean());
        assertFalse(quiet.get("emailInvitations").asBoolean());
        assertTrue(send("PUT", "/api/community/profile/me", bearer, Map.of("headline", "x"), HttpStatus.OK).has("emailDigest"));
        assertFalse(send("GET", "/api/community/profile/me", bearer, null, HttpStatus.OK).get("emailDigest").asBoolean(),
                "a change that does not name a switch leaves it as it was");
    }

    private static long mailsTo(String to) throws Exception {
        long n = 0;
        for (MimeMessage m : TestMailServer.SMTP.getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(to) && m.getSubject().startsWith("VET-NET digest")) {
                n++;
            }
        }
        return n;
    }

    /** The first e-mail to {@code to} whose subject starts so (the peer gets a digest too, sometimes before). */
    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : TestMailServer.SMTP.getReceivedMessages()) {
                if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(to) && m.getSubject().startsWith(subject)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + to + " starting '" + subject + "' within 20 s");
    }

    private static String attachment(MimeMessage m, String type) throws Exception {
        Multipart mixed = (Multipart) m.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            var part = mixed.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith(type)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                return out.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + type + " part in the e-mail");
    }
}
