package eu.vetnet.community.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.identity.account.Pseudonym;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Deleting an account on the real Cassandra (docs/community.md, "Deleting an account"): what bruno made with others
 * stays under one pseudonym, what was his alone goes, and asking again changes nothing more.
 */
class AccountDeletionIntegrationTests extends CommunityIntegrationTestSupport {

    private final String run = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private String token(String username, String... roles) {
        return "Bearer " + issuer.token(username + run, Duration.ofMinutes(10), roles);
    }

    private JsonNode send(String method, String path, String bearer, Object body, HttpStatus expected) {
        var request = http.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, bearer);
        var exchange = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus().isEqualTo(expected).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String practice(String author, String title) {
        return send("POST", "/api/community/practices", author, Map.ofEntries(Map.entry("title", title), Map.entry("summary", "Evening CAD."),
                Map.entry("sector", "C16"), Map.entry("country", "IT"), Map.entry("language", "en"), Map.entry("organisation", "Artigiani"),
                Map.entry("organisationType", "SME_ASSOCIATION")), HttpStatus.CREATED).get("id").asString();
    }

    @Test
    void whatBrunoMadeWithOthersStaysUnderOnePseudonymAndWhatWasHisAloneGoes() throws InterruptedException {
        String paula = token("paula", "policymaker");
        String bruno = token("bruno", "participant");
        String alice = token("alice", "participant");
        String open = send("POST", "/api/community/communities", paula, Map.of("name", "Joinery " + run, "description", "d",
                "sectors", List.of("C16"), "joining", "OPEN"), HttpStatus.CREATED).get("slug").asString();
        String asking = send("POST", "/api/community/communities", paula, Map.of("name", "Joinery on request " + run, "description", "d",
                "sectors", List.of("C16"), "joining", "REQUEST"), HttpStatus.CREATED).get("slug").asString();
        send("POST", "/api/community/communities/" + open + "/join", bruno, Map.of(), HttpStatus.OK);
        send("POST", "/api/community/communities/" + asking + "/join", bruno, Map.of("message", "let me in"), HttpStatus.OK);
        send("PUT", "/api/community/profile/me", bruno, Map.of("headline", "CAD teacher " + run, "listed", true), HttpStatus.OK);
        String thread = send("POST", "/api/community/communities/" + open + "/threads", bruno,
                Map.of("title", "Which CAD first?", "body", "I start with FreeCAD.", "language", "en"), HttpStatus.CREATED).get("id").asString();
        send("POST", "/api/community/threads/" + thread + "/replies", paula, Map.of("body", "Try both"), HttpStatus.OK);
        send("POST", "/api/community/threads/" + thread + "/replies", bruno, Map.of("body", "Thanks, I will"), HttpStatus.OK);
        String his = practice(bruno, "CAD evenings " + run);
        send("PUT", "/api/community/practices/" + his, bruno, Map.ofEntries(Map.entry("title", "CAD evenings " + run),
                Map.entry("summary", "Evening CAD, twice a week."), Map.entry("sector", "C16"), Map.entry("country", "IT"),
                Map.entry("language", "en"), Map.entry("organisation", "Artigiani"), Map.entry("organisationType", "SME_ASSOCIATION")), HttpStatus.OK);
        send("POST", "/api/community/practices/" + his + "/publish", bruno, Map.of("licence", "CC-BY-4.0"), HttpStatus.OK);
        String hers = practice(alice, "Mentor pools " + run);
        send("POST", "/api/community/practices/" + hers + "/publish", alice, Map.of("licence", "CC-BY-4.0"), HttpStatus.OK);
        assertEquals(1, send("PUT", "/api/community/practices/" + hers + "/endorsement", bruno, null, HttpStatus.OK).get("endorsements").asInt());
        send("POST", "/api/community/practices/" + hers + "/comments", bruno, Map.of("body", "We do this too"), HttpStatus.OK);
        assertEquals(2, send("GET", "/api/community/communities/" + open, paula, null, HttpStatus.OK).get("community").get("memberCount").asInt());

        // Not confirmed (or confirmed as someone else): refused, nothing changed.
        send("DELETE", "/api/community/me", bruno, null, HttpStatus.BAD_REQUEST);
        send("DELETE", "/api/community/me?confirm=paula" + run, bruno, null, HttpStatus.BAD_REQUEST);
        assertEquals(2, send("GET", "/api/community/me/export", bruno, null, HttpStatus.OK).get("discussionPosts").size());

        long claimed = System.nanoTime();
        JsonNode deleted = send("DELETE", "/api/community/me?confirm=bruno" + run, bruno, null, HttpStatus.OK);
        String pseudonym = deleted.get("pseudonym").asString();
        String pseudonymId = deleted.get("pseudonymId").asString();
        assertTrue(Pseudonym.NAME.matcher(pseudonym).matches() && Pseudonym.ID.matcher(pseudonymId).matches(), deleted.toString());
        assertEquals(2, deleted.get("posts").asInt(), deleted.toString());
        assertEquals(1, deleted.get("practices").asInt(), deleted.toString());
        assertEquals(1, deleted.get("communitiesLeft").asInt(), deleted.toString());
        assertEquals(1, deleted.get("comments").asInt(), deleted.toString());

        // The discussion reads as before, bruno's two posts under the pseudonym, paula's under her name.
        JsonNode read = send("GET", "/api/community/threads/" + thread, paula, null, HttpStatus.OK);
        assertEquals(Map.of("id", pseudonymId, "name", pseudonym), person(read.get("author")));
        List<String> repliers = read.get("replies").valueStream().map(r -> r.get("author").get("name").asString()).toList();
        assertEquals(2, repliers.size(), repliers.toString());
        assertTrue(repliers.contains(pseudonym) && repliers.stream().anyMatch(n -> !n.equals(pseudonym)), repliers.toString());
        // His id is "bruno<run>-id" (TestIssuer): neither it nor his username is left.
        assertFalse(read.toString().contains("bruno" + run), "no trace of bruno's id or username: " + read);
        JsonNode threads = send("GET", "/api/community/communities/" + open + "/threads", paula, null, HttpStatus.OK);
        assertEquals(pseudonym, threads.get(0).get("author").get("name").asString(), "the community's list too");

        // His practice stays, credited to the pseudonym in the text and in every saved version; his endorsement is withdrawn.
        JsonNode practice = send("GET", "/api/community/practices/" + his, alice, null, HttpStatus.OK);
        assertEquals(List.of(pseudonym), practice.get("authors").valueStream().map(a -> a.get("name").asString()).toList());
        JsonNode versions = send("GET", "/api/community/practices/" + his + "/versions", alice, null, HttpStatus.OK);
        assertEquals(2, versions.size(), versions.toString());
        assertFalse(versions.toString().contains("bruno" + run), versions.toString());
        versions.valueStream().forEach(v -> assertEquals(pseudonymId, v.get("savedBy").asString(), v.toString()));
        assertEquals(0, send("GET", "/api/community/practices/" + hers, alice, null, HttpStatus.OK).get("endorsements").asInt());
        JsonNode comments = send("GET", "/api/community/practices/" + hers + "/comments", alice, null, HttpStatus.OK);
        assertEquals(pseudonym, comments.get(0).get("author").get("name").asString(), "his comment stays, under the pseudonym");
        JsonNode found = send("GET", "/api/public/library/search?q=" + run, alice, null, HttpStatus.OK);
        assertFalse(found.toString().contains("bruno" + run), "the search index follows: " + found);

        // He left the community, his request is gone, the directory no longer lists him.
        assertEquals(1, send("GET", "/api/community/communities/" + open, paula, null, HttpStatus.OK).get("community").get("memberCount").asInt());
        assertEquals(0, send("GET", "/api/community/communities/" + asking + "/requests", paula, null, HttpStatus.OK).size());
        assertEquals(0, send("GET", "/api/community/directory?q=" + run, paula, null, HttpStatus.OK).get("total").asInt());

        // Asked again (a cut-short deletion finished, or a second click): the same pseudonym, nothing more to do.
        JsonNode again = send("DELETE", "/api/community/me?confirm=bruno" + run, bruno, null, HttpStatus.OK);
        assertEquals(pseudonym, again.get("pseudonym").asString());
        assertEquals(0, again.get("posts").asInt() + again.get("practices").asInt() + again.get("comments").asInt()
                + again.get("communitiesLeft").asInt(), again.toString());
        JsonNode mine = send("GET", "/api/community/me/export", bruno, null, HttpStatus.OK);
        for (String part : List.of("discussionPosts", "discussionsFollowed", "endorsements", "practiceComments", "requestsToJoin", "communities",
                "practices", "notifications")) {
            assertEquals(0, mine.get(part).size(), part + ": " + mine.get(part));
        }
        assertFalse(mine.get("profile").has("headline") && mine.get("profile").get("headline").asString("").contains(run),
                "the profile he wrote is gone: " + mine.get("profile"));

        // Past vetnet.community.pseudonym-kept-for (10 s in these tests, 30 days by default) nothing links the
        // pseudonym to his id any more: asked once more, a deletion claims another one.
        long left = java.util.concurrent.TimeUnit.SECONDS.toNanos(11) - (System.nanoTime() - claimed);
        if (left > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
        }
        JsonNode later = send("DELETE", "/api/community/me?confirm=bruno" + run, bruno, null, HttpStatus.OK);
        assertFalse(pseudonym.equals(later.get("pseudonym").asString()), "the link expired: " + later);
    }

    private static Map<String, String> person(JsonNode p) {
        return Map.of("id", p.get("id").asString(), "name", p.get("name").asString());
    }
}
