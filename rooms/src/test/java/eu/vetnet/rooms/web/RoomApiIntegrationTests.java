package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/rooms} against the real server: create, list, read, access list, documents, archive, and errors that say how to fix them. */
class RoomApiIntegrationTests extends RoomsIntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFacilitatorCreatesARoomParticipantsSeeItAndItCanBeArchived() throws Exception {
        HttpResponse<String> created = call("POST", "/api/rooms", fabio(), """
                {"title": "Dual training design", "kind": "WORKSHOP",
                 "access": {"participants": ["alice"], "observers": ["paula"]}, "documents": ["curriculum"], "template": "skillsGap"}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode room = JSON.readTree(created.body());
        String id = room.get("id").asText();
        assertEquals("fabio-id", room.get("access").get("owner").asText());
        // What the lobby shows: the template it came from and who made it, by name.
        assertEquals("skillsGap", room.get("template").asText());
        // The rules the app shows come from the server's one definition of them.
        assertFalse(room.path("rules").path("observersHaveAVoice").asBoolean(), created.body());
        assertEquals(280, room.path("rules").path("statementMaxLength").asInt(), created.body());
        assertFalse(room.get("ownerName").asText().isBlank(), created.body());
        HttpResponse<String> badTemplate = call("POST", "/api/rooms", fabio(), "{\"title\": \"x\", \"kind\": \"WORKSHOP\", \"template\": \"<b>\"}");
        assertEquals(400, badTemplate.statusCode(), badTemplate.body());
        assertEquals("[\"board\",\"notes\",\"workshop\",\"curriculum\"]", room.get("documents").toString());

        HttpResponse<String> list = call("GET", "/api/rooms", alice(), null);
        assertTrue(list.body().contains(id), list.body());
        assertFalse(call("GET", "/api/rooms", bob(), null).body().contains(id));
        assertEquals(200, call("GET", "/api/rooms/" + id, alice(), null).statusCode());

        HttpResponse<String> denied = call("PUT", "/api/rooms/" + id + "/access", alice(), "{\"participants\": [\"alice\", \"bob\"]}");
        assertEquals(403, denied.statusCode());
        assertTrue(JSON.readTree(denied.body()).get("fix").asText().contains("ask the owner"), denied.body());
        assertEquals(200, call("PUT", "/api/rooms/" + id + "/access", fabio(), "{\"participants\": [\"alice\", \"bob\"]}").statusCode());
        assertTrue(call("GET", "/api/rooms", bob(), null).body().contains(id));

        assertEquals(200, call("POST", "/api/rooms/" + id + "/documents", alice(), "{\"name\": \"ideas\"}").statusCode());
        HttpResponse<String> badName = call("POST", "/api/rooms/" + id + "/documents", alice(), "{\"name\": \"Bad Name!\"}");
        assertEquals(400, badName.statusCode());
        assertTrue(badName.body().contains("\"fix\""), badName.body());

        JsonNode archived = JSON.readTree(call("POST", "/api/rooms/" + id + "/archive", fabio(), null).body());
        assertTrue(archived.get("archived").asBoolean());
    }

    @Test
    void theServersClockIsReadByAnyoneSignedIn() throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> clock = call("GET", "/api/clock", alice(), null);
        long after = System.currentTimeMillis();

        assertEquals(200, clock.statusCode(), clock.body());
        long now = JSON.readTree(clock.body()).get("now").asLong();
        assertTrue(now >= before && now <= after, before + " <= " + now + " <= " + after);
        assertEquals(401, call("GET", "/api/clock", null, null).statusCode());
    }

    @Test
    void participantsCannotCreateRoomsAndAnonymousCallersAreRefused() throws Exception {
        HttpResponse<String> r = call("POST", "/api/rooms", alice(), "{\"title\": \"x\", \"kind\": \"WORKSHOP\"}");
        assertEquals(403, r.statusCode());
        assertTrue(JSON.readTree(r.body()).get("message").asText().contains("facilitators"), r.body());
        assertEquals(401, call("GET", "/api/rooms", null, null).statusCode());
        HttpResponse<String> missing = call("GET", "/api/rooms/nope", alice(), null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("GET /api/rooms"), missing.body());
        HttpResponse<String> noKind = call("POST", "/api/rooms", fabio(), "{\"title\": \"x\"}");
        assertEquals(400, noKind.statusCode());
        assertTrue(noKind.body().contains("WORKSHOP"), noKind.body());
    }

    @Test
    void anyMemberConvenesPeerCounsellingAndRunsIt() throws Exception {
        HttpResponse<String> created = call("POST", "/api/rooms", alice(),
                "{\"title\": \"Peer counselling: mentors\", \"kind\": \"PEER_COUNSELLING\", \"template\": \"peerCounselling\","
                        + " \"access\": {\"participants\": [\"bob\"]}}");
        assertEquals(201, created.statusCode(), created.body());
        var room = JSON.readTree(created.body());
        assertEquals("facilitator", room.get("yourRole").asText(), created.body());
        assertEquals(200, call("GET", "/api/rooms/" + room.get("id").asText(), bob(), null).statusCode(), "the invited peer is on its list");
        // A token without any platform role (a Keycloak account nobody gave a role) convenes nothing.
        HttpResponse<String> stranger = call("POST", "/api/rooms", issuer.token("stranger", "offline_access"),
                "{\"title\": \"x\", \"kind\": \"PEER_COUNSELLING\"}");
        assertEquals(403, stranger.statusCode(), stranger.body());
    }

    @Test
    void removingAParticipantFromTheAccessListClosesTheirSocketWith4403() throws Exception {
        String id = JSON.readTree(call("POST", "/api/rooms", fabio(), """
                {"title": "Revocation", "kind": "COURSE_SESSION", "access": {"participants": ["alice"]}}""").body()).get("id").asText();
        RawSocket alice = RawSocket.open(wsUrl() + "/ws/rooms/" + id + "/board", alice());
        long end = System.currentTimeMillis() + 10_000;
        while (alice.received.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertFalse(alice.received.isEmpty(), "alice was let in");
        // Once in, she is in the room's names directory (here the in-memory one), and stays there after leaving.
        assertEquals("[{\"id\":\"alice-id\",\"name\":\"Alice\"}]", call("GET", "/api/rooms/" + id + "/people", fabio(), null).body());
        long removed = System.nanoTime();
        assertEquals(200, call("PUT", "/api/rooms/" + id + "/access", fabio(), "{\"participants\": []}").statusCode());
        assertEquals(eu.vetnet.rooms.core.CloseCodes.FORBIDDEN, alice.closed.get(10, java.util.concurrent.TimeUnit.SECONDS));
        long millis = (System.nanoTime() - removed) / 1_000_000;
        System.out.printf("revocation: access-list removal closed the socket after %d ms (bound: 2 s)%n", millis);
        assertTrue(millis < 2_000, "within seconds: " + millis + " ms");
    }

    @Test
    void onlyTheOwnerOrAnAdminHandsARoomToSomeoneElse() throws Exception {
        String id = JSON.readTree(call("POST", "/api/rooms", fabio(), """
                {"title": "Ownership", "kind": "WORKSHOP", "access": {"facilitators": ["carla"], "participants": ["alice"]}}""")
                .body()).get("id").asText();
        String carla = issuer.token("carla", "facilitator");
        String ada = issuer.token("ada", "admin");

        HttpResponse<String> taken = call("PUT", "/api/rooms/" + id + "/access", carla,
                "{\"owner\": \"carla\", \"facilitators\": [], \"participants\": [\"alice\"]}");
        assertEquals(403, taken.statusCode(), "a facilitator may not make herself owner");
        assertTrue(taken.body().contains("only the owner"), taken.body());
        assertEquals(200, call("PUT", "/api/rooms/" + id + "/access", carla,
                "{\"facilitators\": [\"carla\"], \"participants\": [\"alice\", \"bob\"]}").statusCode(),
                "but may edit the lists, keeping the owner");
        assertEquals(200, call("PUT", "/api/rooms/" + id + "/access", fabio(),
                "{\"owner\": \"carla\", \"facilitators\": [], \"participants\": [\"alice\"]}").statusCode(), "the owner hands it over");
        assertEquals(200, call("PUT", "/api/rooms/" + id + "/access", ada,
                "{\"owner\": \"fabio\", \"facilitators\": [], \"participants\": [\"alice\"]}").statusCode(), "an admin may too");
    }

    @Test
    void anArchivedRoomRefusesChangesToItsAccessListAndDocuments() throws Exception {
        String id = JSON.readTree(call("POST", "/api/rooms", fabio(), """
                {"title": "Archive", "kind": "WORKSHOP", "access": {"participants": ["alice"]}}""").body()).get("id").asText();
        assertEquals(200, call("POST", "/api/rooms/" + id + "/archive", fabio(), null).statusCode());

        HttpResponse<String> access = call("PUT", "/api/rooms/" + id + "/access", fabio(), "{\"participants\": [\"alice\", \"bob\"]}");
        HttpResponse<String> document = call("POST", "/api/rooms/" + id + "/documents", fabio(), "{\"name\": \"late\"}");

        assertEquals(409, access.statusCode(), access.body());
        assertEquals(409, document.statusCode(), document.body());
        assertTrue(access.body().contains("archived") && access.body().contains("\"fix\""), access.body());
        assertFalse(JSON.readTree(call("GET", "/api/rooms/" + id, fabio(), null).body()).get("documents").toString().contains("late"));
    }

    @Test
    void someoneNotOnTheListAsksToEnterAndAFacilitatorLetsThemInOrDeclines() throws Exception {
        String id = JSON.readTree(call("POST", "/api/rooms", fabio(), """
                {"title": "Front door", "kind": "WORKSHOP", "access": {"participants": []}}""").body()).get("id").asText();
        // Not on the list: the room itself is refused, its summary is not (title and who runs it).
        assertEquals(403, call("GET", "/api/rooms/" + id, alice(), null).statusCode());
        JsonNode summary = JSON.readTree(call("GET", "/api/rooms/" + id + "/summary", alice(), null).body());
        assertEquals("Front door", summary.get("title").asText());
        assertTrue(summary.get("yourRole").isNull() && summary.get("request").isNull(), summary.toString());
        assertEquals(1, summary.get("facilitators").size(), summary.toString());

        HttpResponse<String> asked = call("POST", "/api/rooms/" + id + "/access-requests", alice(), null);
        assertEquals(202, asked.statusCode(), asked.body());
        assertEquals("PENDING", JSON.readTree(asked.body()).get("status").asText());
        assertEquals(202, call("POST", "/api/rooms/" + id + "/access-requests", alice(), null).statusCode(), "asking twice is no error");
        assertEquals("pending", JSON.readTree(call("GET", "/api/rooms/" + id + "/summary", alice(), null).body()).get("request").asText());

        // Only the room's facilitators see and answer requests.
        assertEquals(403, call("GET", "/api/rooms/" + id + "/access-requests", alice(), null).statusCode());
        JsonNode pending = JSON.readTree(call("GET", "/api/rooms/" + id + "/access-requests", fabio(), null).body());
        assertEquals(1, pending.size(), pending.toString());
        assertEquals("alice-id", pending.get(0).get("userId").asText());
        assertEquals(403, call("POST", "/api/rooms/" + id + "/access-requests/alice-id", bob(), "{\"decision\": \"participant\"}").statusCode());
        HttpResponse<String> unknown = call("POST", "/api/rooms/" + id + "/access-requests/alice-id", fabio(), "{\"decision\": \"maybe\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"fix\""), unknown.body());

        HttpResponse<String> granted = call("POST", "/api/rooms/" + id + "/access-requests/alice-id", fabio(), "{\"decision\": \"participant\"}");
        assertEquals(200, granted.statusCode(), granted.body());
        assertEquals(200, call("GET", "/api/rooms/" + id, alice(), null).statusCode(), "alice is on the list now");
        JsonNode after = JSON.readTree(call("GET", "/api/rooms/" + id + "/summary", alice(), null).body());
        assertEquals("participant", after.get("yourRole").asText());
        assertEquals("granted", after.get("request").asText());
        assertEquals(0, JSON.readTree(call("GET", "/api/rooms/" + id + "/access-requests", fabio(), null).body()).size());
        assertEquals(409, call("POST", "/api/rooms/" + id + "/access-requests", alice(), null).statusCode(), "already on the list");

        // Declined: still outside, and told so.
        assertEquals(202, call("POST", "/api/rooms/" + id + "/access-requests", bob(), null).statusCode());
        assertEquals(200, call("POST", "/api/rooms/" + id + "/access-requests/bob-id", fabio(), "{\"decision\": \"deny\"}").statusCode());
        assertEquals(403, call("GET", "/api/rooms/" + id, bob(), null).statusCode());
        assertEquals("denied", JSON.readTree(call("GET", "/api/rooms/" + id + "/summary", bob(), null).body()).get("request").asText());
        assertEquals(404, call("POST", "/api/rooms/" + id + "/access-requests/bob-id", fabio(), "{\"decision\": \"participant\"}").statusCode(),
                "a declined request is not pending any more");
        assertEquals(404, call("GET", "/api/rooms/no-such-room/summary", bob(), null).statusCode());
    }
}
