package eu.vetnet.community.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Communities and their discussions on the real Cassandra: who may start, join, read, write and moderate what. */
class CommunitiesIntegrationTests extends CommunityIntegrationTestSupport {

    private final String run = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private String token(String username, String... roles) {
        return "Bearer " + issuer.token(username + run, Duration.ofMinutes(10), roles);
    }

    private JsonNode send(String method, String path, String bearer, Object body, HttpStatus expected) {
        var request = http.method(HttpMethod.valueOf(method)).uri(path);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        var exchange = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus().isEqualTo(expected).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String community(String founder, String joining) {
        return community(founder, joining, "");
    }

    private String community(String founder, String joining, String suffix) {
        return send("POST", "/api/community/communities", founder, Map.of("name", "Digital skills for carpentry SMEs " + run + suffix,
                "description", "We share **what works** when joiners learn CAD. <script>alert(1)</script>", "languages", List.of("en", "it"),
                "sectors", List.of("C16"), "joining", joining), HttpStatus.CREATED).get("slug").asString();
    }

    @Test
    void anOpenCommunityLivesOnItsHomePageAndPublicFace() {
        String fabio = token("fabio", "facilitator");
        String alice = token("alice", "participant");
        send("POST", "/api/community/communities", alice, Map.of("name", "x", "description", "y", "joining", "OPEN"), HttpStatus.FORBIDDEN);
        send("POST", "/api/community/communities", fabio, Map.of("name", "x", "description", "y", "sectors", List.of("F16"), "joining", "OPEN"),
                HttpStatus.BAD_REQUEST);
        String slug = community(fabio, "OPEN");

        JsonNode before = send("GET", "/api/community/communities/" + slug, alice, null, HttpStatus.OK);
        assertTrue(before.get("myRole").isNull());
        assertEquals(1, before.get("community").get("memberCount").asInt());
        String html = before.get("community").get("descriptionHtml").asString();
        assertTrue(html.contains("<strong>what works</strong>") && !html.contains("<script>"), html);
        send("GET", "/api/community/communities/" + slug + "/threads", alice, null, HttpStatus.FORBIDDEN);

        JsonNode joined = send("POST", "/api/community/communities/" + slug + "/join", alice, Map.of(), HttpStatus.OK);
        assertEquals("MEMBER", joined.get("myRole").asString());
        assertEquals(2, joined.get("community").get("memberCount").asInt());
        send("POST", "/api/community/communities/" + slug + "/join", alice, Map.of(), HttpStatus.OK);
        assertEquals(2, send("GET", "/api/community/communities/" + slug, alice, null, HttpStatus.OK).get("community").get("memberCount").asInt(),
                "joining twice is one membership");

        // A session (moderators only) and a published practice (members) linked.
        Instant start = Instant.now().plus(Duration.ofDays(3));
        send("POST", "/api/community/communities/" + slug + "/sessions", alice, Map.of("roomId", "r1", "title", "CAD clinic", "start", start.toString()),
                HttpStatus.FORBIDDEN);
        send("POST", "/api/community/communities/" + slug + "/sessions", fabio,
                Map.of("roomId", "room-" + run, "title", "CAD clinic", "start", start.toString()), HttpStatus.OK);
        String practice = send("POST", "/api/community/practices", alice, Map.ofEntries(Map.entry("title", "CAD evenings " + run),
                Map.entry("summary", "Evening CAD for joiners."), Map.entry("sector", "C16"), Map.entry("country", "IT"), Map.entry("language", "en"),
                Map.entry("organisation", "Artigiani"), Map.entry("organisationType", "SME_ASSOCIATION")), HttpStatus.CREATED).get("id").asString();
        send("POST", "/api/community/communities/" + slug + "/practices", alice, Map.of("practiceId", practice), HttpStatus.CONFLICT);
        send("POST", "/api/community/practices/" + practice + "/publish", alice, Map.of("licence", "CC-BY-4.0"), HttpStatus.OK);
        JsonNode home = send("POST", "/api/community/communities/" + slug + "/practices", alice, Map.of("practiceId", practice), HttpStatus.OK);
        assertEquals("CAD clinic", home.get("upcomingSessions").get(0).get("title").asString());
        assertEquals("room-" + run, home.get("upcomingSessions").get(0).get("roomId").asString());
        assertEquals(practice, home.get("practices").get(0).get("id").asString());

        // The public face: no rooms, no discussions; the page, its feed and the sitemap.
        JsonNode pub = send("GET", "/api/public/communities/" + slug, null, null, HttpStatus.OK);
        assertTrue(pub.get("upcomingSessions").get(0).get("roomId").isNull(), "the public face never names a room");
        assertEquals(0, pub.get("threads").size());
        String page = http.get().uri("/c/" + slug + "?lang=de").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertTrue(page.contains("<html lang=\"de\">") && page.contains("CAD clinic") && page.contains("/practices/"), page);
        assertTrue(page.contains("og:title") && !page.contains("room-" + run) && !page.contains("<script>alert"), page);
        String feed = http.get().uri("/feeds/communities/" + slug + ".atom").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertTrue(feed.contains("urn:uuid:" + practice), feed);
        assertTrue(http.get().uri("/sitemaps/communities.xml").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody().contains("/c/" + slug));
        http.get().uri("/c/no-such-community").exchange().expectStatus().isNotFound();

        // Leaving: the count follows; the only moderator cannot leave.
        assertEquals(1, send("DELETE", "/api/community/communities/" + slug + "/membership", alice, null, HttpStatus.OK)
                .get("community").get("memberCount").asInt());
        send("DELETE", "/api/community/communities/" + slug + "/membership", fabio, null, HttpStatus.CONFLICT);
    }

    @Test
    void requestsWaitForAModeratorAndDiscussionsAreModerated() {
        String paula = token("paula", "policymaker");
        String bruno = token("bruno", "participant");
        String carla = token("carla", "participant");
        String slug = community(paula, "REQUEST");
        assertEquals("REQUESTED", send("POST", "/api/community/communities/" + slug + "/join", bruno, Map.of("message", "I teach CAD"), HttpStatus.OK)
                .get("myRole").asString());
        send("GET", "/api/community/communities/" + slug + "/threads", bruno, null, HttpStatus.FORBIDDEN);
        send("GET", "/api/community/communities/" + slug + "/requests", bruno, null, HttpStatus.FORBIDDEN);
        JsonNode requests = send("GET", "/api/community/communities/" + slug + "/requests", paula, null, HttpStatus.OK);
        assertEquals("I teach CAD", requests.get(0).get("message").asString());
        assertEquals(1, send("GET", "/api/community/communities/" + slug, paula, null, HttpStatus.OK).get("pendingRequests").asInt());
        String brunoId = requests.get(0).get("person").get("id").asString();
        assertEquals(2, send("POST", "/api/community/communities/" + slug + "/requests/" + brunoId, paula, Map.of("accept", true), HttpStatus.OK)
                .get("community").get("memberCount").asInt());
        send("POST", "/api/community/communities/" + slug + "/join", carla, Map.of(), HttpStatus.OK);

        // Bruno opens a discussion; carla (not yet a member) may not read it; paula moderates.
        JsonNode thread = send("POST", "/api/community/communities/" + slug + "/threads", bruno,
                Map.of("title", "Which CAD first?", "body", "I start with **FreeCAD**. [x](javascript:alert(1))", "language", "en"), HttpStatus.CREATED);
        String id = thread.get("id").asString();
        assertFalse(thread.get("bodyHtml").asString().contains("javascript:"), thread.toString());
        send("GET", "/api/community/threads/" + id, carla, null, HttpStatus.FORBIDDEN);
        send("POST", "/api/community/threads/" + id + "/replies", paula, Map.of("body", "Start with sketches."), HttpStatus.OK);
        JsonNode replied = send("POST", "/api/community/threads/" + id + "/replies", bruno, Map.of("body", "Buy my course at spam.example"), HttpStatus.OK);
        assertEquals(2, replied.get("replyCount").asInt());
        String spam = replied.get("replies").get(1).get("id").asString();
        JsonNode flagged = send("POST", "/api/community/threads/" + id + "/flag", bruno, Map.of("replyId", spam, "reason", "advertising"), HttpStatus.OK);
        assertEquals(0, flagged.get("replies").get(1).get("flags").asInt(), "members do not see the count of reports");
        assertEquals(1, send("GET", "/api/community/threads/" + id, paula, null, HttpStatus.OK).get("replies").get(1).get("flags").asInt());
        send("PUT", "/api/community/threads/" + id + "/moderation", bruno, Map.of("locked", true), HttpStatus.FORBIDDEN);
        JsonNode moderated = send("PUT", "/api/community/threads/" + id + "/moderation", paula,
                Map.of("locked", true, "replyId", spam, "replyHidden", true), HttpStatus.OK);
        assertTrue(moderated.get("locked").asBoolean());
        assertTrue(moderated.get("replies").get(1).get("hidden").asBoolean(), "moderators still see what they hid, marked");
        JsonNode asBruno = send("GET", "/api/community/threads/" + id, bruno, null, HttpStatus.OK);
        assertEquals(1, asBruno.get("replies").size(), "the hidden reply is gone for members");
        assertFalse(asBruno.get("canReply").asBoolean());
        send("POST", "/api/community/threads/" + id + "/replies", bruno, Map.of("body", "Too late?"), HttpStatus.CONFLICT);
        send("POST", "/api/community/communities/" + slug + "/threads", bruno, Map.of("title", "", "body", "x", "language", "en"), HttpStatus.BAD_REQUEST);
        send("POST", "/api/community/communities/" + slug + "/threads", bruno, Map.of("title", "t", "body", "x", "language", "xx"), HttpStatus.BAD_REQUEST);
        assertEquals(List.of(id), send("GET", "/api/community/communities/" + slug + "/threads?language=en", bruno, null, HttpStatus.OK)
                .valueStream().map(t -> t.get("id").asString()).toList());
        send("PUT", "/api/community/threads/" + id + "/moderation", paula, Map.of("hidden", true), HttpStatus.OK);
        send("GET", "/api/community/threads/" + id, bruno, null, HttpStatus.NOT_FOUND);
        assertEquals(0, send("GET", "/api/community/communities/" + slug + "/threads", bruno, null, HttpStatus.OK).size());
    }

    @Test
    void ownDataCarriesPostsEndorsementsAndRequestsStillWaiting() {
        String paula = token("paula", "policymaker");
        String bruno = token("bruno", "participant");
        String alice = token("alice", "participant");
        String asking = community(paula, "REQUEST", " (on request)");
        String open = community(paula, "OPEN", " (open)");
        send("POST", "/api/community/communities/" + asking + "/join", bruno, Map.of("message", "I teach CAD"), HttpStatus.OK);
        send("POST", "/api/community/communities/" + open + "/join", bruno, Map.of(), HttpStatus.OK);
        String thread = send("POST", "/api/community/communities/" + open + "/threads", bruno,
                Map.of("title", "Which CAD first?", "body", "I start with FreeCAD.", "language", "en"), HttpStatus.CREATED).get("id").asString();
        JsonNode replied = send("POST", "/api/community/threads/" + thread + "/replies", bruno, Map.of("body", "Buy my course"), HttpStatus.OK);
        String reply = replied.get("replies").get(0).get("id").asString();
        send("PUT", "/api/community/threads/" + thread + "/moderation", paula, Map.of("replyId", reply, "replyHidden", true), HttpStatus.OK);
        String practice = send("POST", "/api/community/practices", alice, Map.ofEntries(Map.entry("title", "CAD evenings " + run),
                Map.entry("summary", "Evening CAD for joiners."), Map.entry("sector", "C16"), Map.entry("country", "IT"), Map.entry("language", "en"),
                Map.entry("organisation", "Artigiani"), Map.entry("organisationType", "SME_ASSOCIATION")), HttpStatus.CREATED).get("id").asString();
        send("POST", "/api/community/practices/" + practice + "/publish", alice, Map.of("licence", "CC-BY-4.0"), HttpStatus.OK);
        send("PUT", "/api/community/practices/" + practice + "/endorsement", bruno, null, HttpStatus.OK);

        JsonNode mine = send("GET", "/api/community/me/export", bruno, null, HttpStatus.OK);
        assertEquals(List.of(asking), mine.get("requestsToJoin").valueStream().map(r -> r.get("community").asString()).toList());
        assertEquals("I teach CAD", mine.get("requestsToJoin").get(0).get("message").asString());
        JsonNode posts = mine.get("discussionPosts");
        assertEquals(2, posts.size(), posts.toString());
        assertEquals(reply, posts.get(0).get("reply").asString(), "newest first");
        assertEquals("Buy my course", posts.get(0).get("body").asString());
        assertTrue(posts.get(0).get("hidden").asBoolean(), "what a moderator hid is still the writer's own data");
        assertEquals("I start with FreeCAD.", posts.get(1).get("body").asString());
        assertEquals(open, posts.get(1).get("community").asString());
        assertEquals(List.of(practice), mine.get("endorsements").valueStream().map(e -> e.get("practice").asString()).toList());
        assertEquals(List.of(thread), mine.get("discussionsFollowed").valueStream().map(f -> f.get("thread").asString()).toList(),
                "who starts or replies follows");
        assertFalse(mine.get("notYetIncluded").toString().contains("discussion"), "what it carries is no longer named as missing");
        JsonNode alices = send("GET", "/api/community/me/export", alice, null, HttpStatus.OK);
        assertEquals(0, alices.get("discussionPosts").size(), "nobody else's posts");
        assertEquals(0, alices.get("endorsements").size(), "authors do not endorse their own practice");

        // Answered requests and withdrawn endorsements leave the download.
        String brunoId = send("GET", "/api/community/communities/" + asking + "/requests", paula, null, HttpStatus.OK).get(0).get("person").get("id").asString();
        send("POST", "/api/community/communities/" + asking + "/requests/" + brunoId, paula, Map.of("accept", true), HttpStatus.OK);
        send("DELETE", "/api/community/practices/" + practice + "/endorsement", bruno, null, HttpStatus.OK);
        JsonNode after = send("GET", "/api/community/me/export", bruno, null, HttpStatus.OK);
        assertEquals(0, after.get("requestsToJoin").size(), after.get("requestsToJoin").toString());
        assertEquals(0, after.get("endorsements").size());
    }

    @Test
    void aReplyIsPublishedLiveForTheThreadsAuthorOnceStored() throws Exception {
        String paula = token("paula", "policymaker");
        String bruno = token("bruno", "participant");
        String slug = community(paula, "OPEN");
        send("POST", "/api/community/communities/" + slug + "/join", bruno, Map.of(), HttpStatus.OK);
        String thread = send("POST", "/api/community/communities/" + slug + "/threads", bruno,
                Map.of("title", "Live?", "body", "Tell me at once.", "language", "en"), HttpStatus.CREATED).get("id").asString();
        var address = eu.vetnet.testkit.LocalServices.ensureRunning(eu.vetnet.testkit.Service.REDIS);
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://" + address.host() + ":" + address.port());
        try (var pubsub = client.connectPubSub()) {
            java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
            pubsub.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    heard.add(message);
                }
            });
            pubsub.sync().subscribe(eu.vetnet.redis.RedisKeys.defaults().notificationChannel());
            send("POST", "/api/community/threads/" + thread + "/replies", paula, Map.of("body", "Here I am."), HttpStatus.OK);
            String brunoId = "bruno" + run + "-id";
            String message = null;
            for (String m; (m = heard.poll(10, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
                if (m.contains(brunoId)) {
                    message = m;
                    break;
                }
            }
            assertTrue(message != null, "no live notification for bruno");
            JsonNode live = tools.jackson.databind.json.JsonMapper.builder().build().readTree(message);
            assertEquals(brunoId, live.get("person").asString());
            assertEquals("REPLY", live.get("notification").get("kind").asString());
            assertTrue(live.get("notification").get("text").asString().contains("Live?"), message);
            // What the app says it with in the reader's language (docs/community.md, "Notifications").
            JsonNode params = live.get("notification").get("params");
            assertTrue(params.get("title").asString().contains("Live?") && "yours".equals(params.get("discussion").asString())
                    && !params.get("who").asString().isBlank(), message);
            // What went out live is what the list holds.
            String id = live.get("notification").get("id").asString();
            assertTrue(send("GET", "/api/community/notifications", bruno, null, HttpStatus.OK).toString().contains(id));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void followersHearOfRepliesAndMembersOfMentions() throws Exception {
        String paula = token("paula", "policymaker");
        String bruno = token("bruno", "participant");
        String carla = token("carla", "participant");
        String dora = token("dora", "participant");
        send("GET", "/api/community/profile/me", dora, null, HttpStatus.OK); // known to VET-NET, but no member
        String slug = community(paula, "OPEN");
        send("POST", "/api/community/communities/" + slug + "/join", bruno, Map.of(), HttpStatus.OK);
        send("POST", "/api/community/communities/" + slug + "/join", carla, Map.of(), HttpStatus.OK);

        // Bruno mentions carla (a member) and dora (not one): only carla hears of it.
        JsonNode opened = send("POST", "/api/community/communities/" + slug + "/threads", bruno, Map.of("title", "Mentors?",
                "body", "What do @carla" + run + " and @dora" + run + " think?", "language", "en"), HttpStatus.CREATED);
        String thread = opened.get("id").asString();
        assertTrue(opened.get("following").asBoolean(), "its writer follows a discussion");
        awaitNotification(carla, "MENTION", "Bruno" + run + " mentioned you in the discussion: Mentors?");
        // Carla replies: bruno (following his discussion) hears of it; carla now follows too.
        assertTrue(send("POST", "/api/community/threads/" + thread + "/replies", carla, Map.of("body", "Shared ones."), HttpStatus.OK)
                .get("following").asBoolean());
        awaitNotification(bruno, "REPLY", "Carla" + run + " replied to your discussion: Mentors?");
        // Paula mentions bruno in her reply: he hears of the mention (once); carla, a follower, of the reply.
        send("POST", "/api/community/threads/" + thread + "/replies", paula, Map.of("body", "Agreed, @bruno" + run + "."), HttpStatus.OK);
        awaitNotification(bruno, "MENTION", "Paula" + run + " mentioned you in the discussion: Mentors?");
        awaitNotification(carla, "REPLY", "Paula" + run + " replied to a discussion you follow: Mentors?");
        assertEquals(1, notifications(bruno).stream().filter(n -> n.contains("Paula" + run)).count(), "bruno is told once of paula's reply");
        // Carla stops following: paula's next reply reaches bruno only.
        assertFalse(send("DELETE", "/api/community/threads/" + thread + "/follow", carla, null, HttpStatus.OK).get("following").asBoolean());
        send("POST", "/api/community/threads/" + thread + "/replies", paula, Map.of("body", "One more thing."), HttpStatus.OK);
        awaitNotification(bruno, "REPLY", "Paula" + run + " replied to your discussion: Mentors?");
        Thread.sleep(500);
        assertEquals(1, notifications(carla).stream().filter(n -> n.contains("REPLY") && n.contains("Paula" + run)).count(),
                "carla is not told after she stopped following");
        assertTrue(notifications(dora).isEmpty(), "dora is no member: her mention tells her nothing");
        send("PUT", "/api/community/threads/" + thread + "/follow", dora, null, HttpStatus.FORBIDDEN);
        assertTrue(send("PUT", "/api/community/threads/" + thread + "/follow", carla, null, HttpStatus.OK).get("following").asBoolean());
    }

    private List<String> notifications(String bearer) {
        return send("GET", "/api/community/notifications", bearer, null, HttpStatus.OK).valueStream()
                .map(n -> n.get("kind").asString() + " " + n.get("text").asString()).toList();
    }

    private void awaitNotification(String bearer, String kind, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!notifications(bearer).contains(kind + " " + text)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + kind + " \"" + text + "\" in " + notifications(bearer));
            }
            Thread.sleep(100);
        }
    }
}
