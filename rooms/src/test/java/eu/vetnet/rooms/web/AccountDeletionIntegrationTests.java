package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The room server's part of deleting an account (docs/rooms.md, "Deleting an account"): the names directory of every
 * room the person joined names the pseudonym, they leave every access list but as owner (their open socket closes),
 * and asking again changes nothing more.
 */
class AccountDeletionIntegrationTests extends RoomsIntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PSEUDONYM = "Former member 7Q3K9X";

    @Test
    void theirNameBecomesThePseudonymInEveryRoomAndTheyLeaveEveryListButTheirOwn() throws Exception {
        String gone = "gone" + UUID.randomUUID().toString().substring(0, 8);
        String token = issuer.token(gone, "participant");
        String joined = JSON.readTree(call("POST", "/api/rooms", fabio(),
                "{\"title\": \"Joined\", \"kind\": \"WORKSHOP\", \"access\": {\"participants\": [\"" + gone + "\", \"alice\"]}}").body()).get("id").asText();
        String facilitated = JSON.readTree(call("POST", "/api/rooms", fabio(),
                "{\"title\": \"Facilitated\", \"kind\": \"WORKSHOP\", \"access\": {\"facilitators\": [\"" + gone + "\"]}}").body()).get("id").asText();
        String owned = JSON.readTree(call("POST", "/api/rooms", token,
                "{\"title\": \"Their own\", \"kind\": \"PEER_COUNSELLING\", \"access\": {\"participants\": [\"alice\"]}}").body()).get("id").asText();
        String asked = JSON.readTree(call("POST", "/api/rooms", fabio(), "{\"title\": \"Asked\", \"kind\": \"WORKSHOP\"}").body()).get("id").asText();
        assertEquals(202, call("POST", "/api/rooms/" + asked + "/access-requests", token, null).statusCode());
        RawSocket socket = RawSocket.open(wsUrl() + "/ws/rooms/" + joined + "/board", token);
        long end = System.currentTimeMillis() + 10_000;
        while (socket.received.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertFalse(socket.received.isEmpty(), "they joined the room");
        String capitalised = Character.toUpperCase(gone.charAt(0)) + gone.substring(1);
        assertTrue(call("GET", "/api/rooms/" + joined + "/people", fabio(), null).body().contains("\"name\":\"" + capitalised + "\""));

        String path = "/api/rooms/people/me?confirm=" + gone + "&pseudonym=";
        assertEquals(400, call("DELETE", "/api/rooms/people/me?pseudonym=" + URLEncoder.encode(PSEUDONYM, StandardCharsets.UTF_8), token, null).statusCode(),
                "not confirmed");
        assertEquals(400, call("DELETE", path + "Bob", token, null).statusCode(), "a name that is not a pseudonym");
        assertTrue(call("GET", "/api/rooms/" + joined, fabio(), null).body().contains(gone), "nothing changed by a refusal");

        var deleted = call("DELETE", path + URLEncoder.encode(PSEUDONYM, StandardCharsets.UTF_8), token, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        JsonNode forgotten = JSON.readTree(deleted.body());
        assertEquals(1, forgotten.get("renamedIn").asInt(), deleted.body());
        assertEquals(2, forgotten.get("removedFrom").asInt(), deleted.body());
        assertEquals(List.of(owned), List.of(forgotten.get("stillOwned").get(0).asText()), deleted.body());
        assertEquals(1, forgotten.get("stillOwned").size(), deleted.body());

        String people = call("GET", "/api/rooms/" + joined + "/people", fabio(), null).body();
        assertTrue(people.contains("{\"id\":\"" + gone + "-id\",\"name\":\"" + PSEUDONYM + "\"}"), people);
        assertFalse(people.contains(capitalised), people);
        for (String room : List.of(joined, facilitated)) {
            JsonNode access = JSON.readTree(call("GET", "/api/rooms/" + room, fabio(), null).body()).get("access");
            assertFalse(access.toString().contains(gone), room + ": " + access);
        }
        String waiting = call("GET", "/api/rooms/" + asked + "/access-requests", fabio(), null).body();
        assertTrue(waiting.contains("\"username\":\"" + PSEUDONYM + "\",\"name\":\"" + PSEUDONYM + "\""),
                "their request for access names the pseudonym (by the same user id): " + waiting);
        assertEquals(eu.vetnet.rooms.core.CloseCodes.FORBIDDEN, socket.closed.get(10, TimeUnit.SECONDS), "their open socket closes");

        JsonNode again = JSON.readTree(call("DELETE", path + URLEncoder.encode(PSEUDONYM, StandardCharsets.UTF_8), token, null).body());
        assertEquals(0, again.get("renamedIn").asInt() + again.get("removedFrom").asInt(), again.toString());
    }
}
