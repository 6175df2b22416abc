package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.people.RoomPeople;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/rooms/{id}/export/...} against the real server: the room's content as files, for its people only. */
class ExportIntegrationTests extends RoomsIntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RoomPeople people;

    @Test
    void peopleOnTheListTakeTheNotesAndPollsAwayAsCsvAndJsonAndNobodyElseDoes() throws Exception {
        String id = JSON.readTree(call("POST", "/api/rooms", fabio(), """
                {"title": "Skills for the green transition", "kind": "WORKSHOP", "access": {"participants": ["alice"]}}""")
                .body()).get("id").asText();
        people.remember(id, new RoomPeople.Person("alice-id", "Alice")).toCompletableFuture().join();
        server.hold(id, open -> open.serverEdit(List.of("board", "workshop"), docs -> {
            YMap note = new YMap();
            docs.get("board").getMap("objects").set("n1", note);
            note.set("type", "note");
            note.set("text", "=HYPERLINK(\"x\"), mentors");
            note.set("owner", "alice-id");
            note.set("x", 10);
            note.set("y", 10);
            note.set("w", 100);
            note.set("h", 80);
            YMap votes = new YMap();
            note.set("votes", votes);
            votes.set("fabio-id", true);
            YMap poll = new YMap();
            YMap polls = new YMap();
            docs.get("workshop").getMap("workshop").set("polls", polls);
            polls.set("p1", poll);
            poll.set("question", "Which first?");
            poll.set("options", List.of("CAD", "CNC"));
            poll.set("state", "open");
            YMap ballots = new YMap();
            docs.get("workshop").getMap("votes").set("p1", ballots);
            ballots.set("alice-id", "CNC");
            return null;
        })).get(10, java.util.concurrent.TimeUnit.SECONDS);

        HttpResponse<String> csv = call("GET", "/api/rooms/" + id + "/export/notes.csv", alice(), null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().map().toString());
        assertEquals("attachment; filename=\"skills-for-the-green-transition-notes.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("id,type,text,frame,author,votes,colour,locked\r\nn1,note,\"'=HYPERLINK(\"\"x\"\"), mentors\",,Alice,1,,false\r\n", csv.body(),
                "a formula is disarmed, the author named, nobody's id written");

        JsonNode polls = JSON.readTree(call("GET", "/api/rooms/" + id + "/export/polls.json", fabio(), null).body());
        assertEquals("polls", polls.get("dataset").asText());
        assertEquals(List.of("CAD:0", "CNC:1"), polls.get("rows").valueStream()
                .map(r -> r.get("choice").asText() + ":" + r.get("count").asInt()).toList());
        assertFalse(polls.toString().contains("alice"), "ballots name nobody: " + polls);

        assertEquals(403, call("GET", "/api/rooms/" + id + "/export/notes.csv", bob(), null).statusCode(), "not on the list");
        HttpResponse<String> unknown = call("GET", "/api/rooms/" + id + "/export/passwords.csv", alice(), null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("notes.csv"), "the answer names what there is: " + unknown.body());
        assertEquals(404, call("GET", "/api/rooms/" + id + "/export/notes.xlsx", alice(), null).statusCode());
    }
}
