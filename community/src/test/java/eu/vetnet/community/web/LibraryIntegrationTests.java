package eu.vetnet.community.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import eu.vetnet.community.search.LibraryIndexer;
import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.search.SearchQuery;
import eu.vetnet.community.search.SearchResult;
import eu.vetnet.community.storage.CassandraPractices;
import eu.vetnet.community.storage.CommunityDatabase;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The library's API and public face against the real Cassandra: what members do, and what is refused. */
class LibraryIntegrationTests extends CommunityIntegrationTestSupport {

    /** A word no earlier run of these tests wrote: each test finds its own practices in the shared keyspace. */
    private final String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private Map<String, Object> practice(String title) {
        return Map.ofEntries(Map.entry("title", title + " " + marker), Map.entry("summary", "Shared mentors for apprentices in small firms."),
                Map.entry("problem", "Micro enterprises cannot **train** alone."), Map.entry("approach", "A district pool."),
                Map.entry("results", "40 apprentices"), Map.entry("evidence", "Survey"), Map.entry("sector", "C16"), Map.entry("eqfLevel", 4),
                Map.entry("country", "IT"), Map.entry("region", "ITH3"), Map.entry("language", "en"),
                Map.entry("organisation", "Artigiani Veneti"), Map.entry("organisationType", "SME_ASSOCIATION"),
                Map.entry("links", List.of(Map.of("label", "The board", "url", "/rooms/abc"))));
    }

    private JsonNode create(String user, Map<String, Object> body) {
        return http.post().uri("/api/community/practices").header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode search(String query) {
        return http.get().uri("/api/public/library/search?" + query).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode publish(String user, String id, String licence, HttpStatus expected) {
        return http.post().uri("/api/community/practices/" + id + "/publish").header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("licence", licence)).exchange()
                .expectStatus().isEqualTo(expected).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aDraftIsTheAuthorsUntilPublishedThenEveryonesAndFindable() {
        JsonNode draft = create("lucia", practice("Mentor pool"));
        String id = draft.get("id").asString();
        String slug = draft.get("slug").asString();
        assertEquals("DRAFT", draft.get("status").asString());
        assertEquals(1, draft.get("version").asInt());
        assertTrue(draft.get("mine").asBoolean());
        assertEquals("lucia-id", draft.get("authors").get(0).get("id").asString());

        // Nobody else sees a draft: not the search, not the public page, not another member.
        assertEquals(0, search("q=" + marker).get("total").asLong());
        http.get().uri("/practices/" + slug).exchange().expectStatus().isNotFound();
        http.get().uri("/api/community/practices/" + id).header(HttpHeaders.AUTHORIZATION, bearer("marco")).exchange().expectStatus().isNotFound();
        JsonNode mine = http.get().uri("/api/community/practices/mine").header(HttpHeaders.AUTHORIZATION, bearer("lucia")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertTrue(mine.valueStream().anyMatch(p -> p.get("id").asString().equals(id)));

        // Only its authors publish it, under a licence the library offers.
        JsonNode refused = publish("lucia", id, "All rights reserved", HttpStatus.BAD_REQUEST);
        assertTrue(refused.get("message").asString().startsWith("licence"), refused.toString());
        publish("marco", id, "CC-BY-4.0", HttpStatus.FORBIDDEN);
        JsonNode published = publish("lucia", id, "CC-BY-4.0", HttpStatus.OK);
        assertEquals("PUBLISHED", published.get("status").asString());
        assertNotNull(published.get("publishedAt").asString());

        // Found by its words and by its facets, counted in them.
        JsonNode found = search("q=" + marker + "&sector=C&country=IT&licence=CC-BY-4.0&eqfLevel=4");
        assertEquals(1, found.get("total").asLong());
        assertEquals(slug, found.get("hits").get(0).get("slug").asString());
        assertEquals(0, search("q=" + marker + "&sector=F").get("total").asLong());

        // The public page, signed out: complete HTML with its link preview; the feed and the sitemap list it.
        String html = http.get().uri("/practices/" + slug).header(HttpHeaders.ACCEPT_LANGUAGE, "it-IT,it;q=0.9").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertTrue(html.contains("<meta property=\"og:url\" content=\"https://vetnet.example/practices/" + slug + "\">"), html);
        assertTrue(html.contains("<html lang=\"it\">"));
        assertTrue(html.contains("<strong>train</strong>"));
        String atom = http.get().uri("/feeds/library.atom").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertTrue(atom.contains("urn:uuid:" + id), "the newest practice is in the feed");
        String sitemapIndex = http.get().uri("/sitemap.xml").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertTrue(sitemapIndex.contains("https://vetnet.example/sitemaps/library-0.xml"));
        boolean listed = false;
        for (int n = 0; sitemapIndex.contains("library-" + n + ".xml"); n++) {
            listed |= http.get().uri("/sitemaps/library-" + n + ".xml").exchange().expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody().contains("/practices/" + slug + "<");
        }
        assertTrue(listed, "the sitemap lists the practice");
        JsonNode byApi = http.get().uri("/api/public/library/practices/" + slug).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertEquals(id, byApi.get("id").asString());
    }

    @Test
    void anEditIsANewVersionUnderTheSameAddress() {
        JsonNode draft = create("lucia", practice("Carpentry skills"));
        String id = draft.get("id").asString();
        publish("lucia", id, "CC-BY-SA-4.0", HttpStatus.OK);
        Map<String, Object> changed = new java.util.HashMap<>(practice("Joinery apprenticeships renamed"));
        changed.put("sector", "F43");
        http.put().uri("/api/community/practices/" + id).header(HttpHeaders.AUTHORIZATION, bearer("marco"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isForbidden();
        JsonNode edited = http.put().uri("/api/community/practices/" + id).header(HttpHeaders.AUTHORIZATION, bearer("lucia"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertEquals(2, edited.get("version").asInt());
        assertEquals(draft.get("slug").asString(), edited.get("slug").asString(), "links stay valid");
        assertEquals(1, search("q=renamed+" + marker + "&sector=F").get("total").asLong(), "the index follows the edit");
        assertEquals(0, search("q=carpentry+" + marker).get("total").asLong());
        JsonNode versions = http.get().uri("/api/community/practices/" + id + "/versions").header(HttpHeaders.AUTHORIZATION, bearer("marco"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        // Publishing changes who may read it, not what it says: the versions are the written ones, newest first.
        assertEquals(List.of(2, 1), versions.valueStream().map(v -> v.get("version").asInt()).toList());
        assertTrue(versions.get(1).get("practice").get("title").asString().startsWith("Carpentry skills"));
    }

    @Test
    void endorsementsCountOncePerMemberAndNotByAuthors() throws Exception {
        String id = create("lucia", practice("Endorsed practice")).get("id").asString();
        publish("lucia", id, "CC-BY-4.0", HttpStatus.OK);
        http.put().uri("/api/community/practices/" + id + "/endorsement").header(HttpHeaders.AUTHORIZATION, bearer("lucia"))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        for (int i = 0; i < 2; i++) {
            JsonNode p = http.put().uri("/api/community/practices/" + id + "/endorsement").header(HttpHeaders.AUTHORIZATION, bearer("marco"))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertEquals(1, p.get("endorsements").asInt(), "endorsing twice is one endorsement");
            assertTrue(p.get("endorsedByMe").asBoolean());
        }
        // Twelve members at once: every one counted.
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String member = "member" + i;
            all.add(CompletableFuture.runAsync(() -> http.put().uri("/api/community/practices/" + id + "/endorsement")
                    .header(HttpHeaders.AUTHORIZATION, bearer(member)).exchange().expectStatus().isOk()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        JsonNode read = http.get().uri("/api/community/practices/" + id).header(HttpHeaders.AUTHORIZATION, bearer("marco")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertEquals(13, read.get("endorsements").asInt());
        JsonNode withdrawn = http.delete().uri("/api/community/practices/" + id + "/endorsement").header(HttpHeaders.AUTHORIZATION, bearer("marco"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertEquals(12, withdrawn.get("endorsements").asInt());
        assertFalse(withdrawn.get("endorsedByMe").asBoolean());
        assertEquals(12, search("q=" + marker).get("hits").get(0).get("endorsements").asInt(), "the search shows the count");
    }

    @Autowired
    CommunityDatabase database;

    @Autowired
    CassandraPractices store;

    @Autowired
    PracticeIndex liveIndex;

    @Test
    void aRestartedServerSearchesWhatCassandraHolds() throws Exception {
        String id = create("lucia", practice("Rebuilt from the store")).get("id").asString();
        publish("lucia", id, "CC0-1.0", HttpStatus.OK);
        // What a restarted server does: a fresh index filled from Cassandra alone.
        try (PracticeIndex fresh = new PracticeIndex(null, JsonMapper.builder().findAndAddModules().build())) {
            LibraryIndexer rebuilt = new LibraryIndexer(database, store, fresh);
            rebuilt.start();
            rebuilt.whenBuilt().get(120, TimeUnit.SECONDS);
            assertEquals(liveIndex.size(), fresh.size(), "the same published practices");
            SearchResult r = fresh.search(new SearchQuery(marker, Map.of("licence", List.of("CC0-1.0")), 0, 10));
            assertEquals(List.of(id), r.hits().stream().map(h -> h.id()).toList());
        }
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        int before = http.get().uri("/api/community/practices/mine").header(HttpHeaders.AUTHORIZATION, bearer("nadia")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().size();
        Map<String, Object> badSector = new java.util.HashMap<>(practice("Bad sector"));
        badSector.put("sector", "F16");
        JsonNode refused = http.post().uri("/api/community/practices").header(HttpHeaders.AUTHORIZATION, bearer("nadia"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(badSector).exchange().expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertTrue(refused.get("message").asString().startsWith("sector"), refused.toString());
        assertFalse(refused.get("fix").asString().isBlank());
        http.post().uri("/api/community/practices").header(HttpHeaders.AUTHORIZATION, bearer("nadia"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": ").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").exists();
        // No token, a token for another audience, an expired token: 401.
        http.post().uri("/api/community/practices").contentType(MediaType.APPLICATION_JSON).bodyValue(practice("No token"))
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/community/practices").header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("nadia", Duration.ofSeconds(-30), "participant"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(practice("Expired")).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/community/practices").header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("nadia", Duration.ofMinutes(5),
                Map.of("aud", "someone-else"), "participant")).contentType(MediaType.APPLICATION_JSON).bodyValue(practice("Wrong audience"))
                .exchange().expectStatus().isUnauthorized();
        // Someone without any role of the platform does not write in the library.
        http.post().uri("/api/community/practices").header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("stranger", Duration.ofMinutes(5)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(practice("Stranger")).exchange().expectStatus().isForbidden();
        // Public reads refuse what they cannot answer, clearly.
        http.get().uri("/api/public/library/search?colour=red").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/public/library/search?page=x").exchange().expectStatus().isBadRequest();
        http.get().uri("/practices/../../etc/passwd").exchange().expectStatus().is4xxClientError();
        http.get().uri("/practices/no-such-practice-12345678").exchange().expectStatus().isNotFound();
        int after = http.get().uri("/api/community/practices/mine").header(HttpHeaders.AUTHORIZATION, bearer("nadia")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().size();
        assertEquals(before, after, "nothing was written");
    }

    @Test
    void aScriptThatLoopsOnCreateIsHeldBack() {
        String user = "loop" + marker;
        int created = 0;
        HttpStatus last = HttpStatus.CREATED;
        for (int i = 0; i < 45 && last == HttpStatus.CREATED; i++) {
            last = HttpStatus.valueOf(http.post().uri("/api/community/practices").header(HttpHeaders.AUTHORIZATION, bearer(user))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(practice("Loop " + i)).exchange()
                    .returnResult(String.class).getStatus().value());
            if (last == HttpStatus.CREATED) {
                created++;
            }
        }
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, last);
        assertEquals(40, created, "vetnet.community.writes-per-minute=40 in these tests");
    }

    private JsonNode comment(String bearer, String id, String body, HttpStatus expected) {
        return http.post().uri("/api/community/practices/" + id + "/comments").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", body)).exchange()
                .expectStatus().isEqualTo(expected).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode uncomment(String bearer, String id, String comment, HttpStatus expected) {
        return http.delete().uri("/api/community/practices/" + id + "/comments/" + comment).header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isEqualTo(expected).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void membersCommentOnAPublishedPracticeItsAuthorsAreToldAndACommentGoesByItsAuthorsOrAnAdminsHand() {
        // People of their own: comments draw on the same write budget as practices.
        String author = "ca" + marker;
        String reader = bearer("cr" + marker);
        String other = bearer("co" + marker);
        JsonNode draft = create(author, practice("Commented"));
        String id = draft.get("id").asString();
        comment(bearer(author), id, "Too early", HttpStatus.CONFLICT);
        comment(reader, id, "Not mine to see", HttpStatus.NOT_FOUND);
        publish(author, id, "CC-BY-4.0", HttpStatus.OK);
        comment(reader, id, "   ", HttpStatus.BAD_REQUEST);
        comment(reader, id, "x".repeat(5_001), HttpStatus.BAD_REQUEST);

        JsonNode list = comment(reader, id, "We tried **this** <script>alert(1)</script>", HttpStatus.OK);
        assertEquals(1, list.size(), list.toString());
        String html = list.get(0).get("bodyHtml").asString();
        assertTrue(html.contains("<strong>this</strong>") && !html.contains("<script>"), html);
        assertTrue(list.get(0).get("mayDelete").asBoolean());
        String first = list.get(0).get("id").asString();
        comment(other, id, "Second, [a link](javascript:alert(1))", HttpStatus.OK);

        // Its author is told, in words the app can say in any language.
        JsonNode told = http.get().uri("/api/community/notifications").header(HttpHeaders.AUTHORIZATION, bearer(author)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertTrue(told.valueStream().anyMatch(n -> "COMMENT".equals(n.get("kind").asString())
                && n.get("params").get("title").asString().contains(marker)), told.toString());

        // Read in order, oldest first; someone else's comment is not theirs to delete, an admin's hand may.
        JsonNode read = http.get().uri("/api/community/practices/" + id + "/comments").header(HttpHeaders.AUTHORIZATION, other).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertEquals(first, read.get(0).get("id").asString());
        assertFalse(read.get(0).get("mayDelete").asBoolean());
        assertFalse(read.get(1).get("bodyHtml").asString().contains("javascript:"), read.get(1).toString());
        uncomment(other, id, first, HttpStatus.FORBIDDEN);
        assertEquals(1, uncomment(reader, id, first, HttpStatus.OK).size());
        String second = read.get(1).get("id").asString();
        assertEquals(0, uncomment(bearer("admin" + marker, "admin"), id, second, HttpStatus.OK).size());
        uncomment(reader, id, second, HttpStatus.NOT_FOUND);

        // The public page is the publication, not the members' conversation.
        comment(reader, id, "Members only " + marker, HttpStatus.OK);
        String page = http.get().uri("/practices/" + draft.get("slug").asString()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertFalse(page.contains("Members only"), "no comment on the public page");
    }
}
