package eu.vetnet.rooms.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.identity.api.Csv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exports' tables from a room's JSON, and their CSV, without a server. */
class RoomDataTests {

    private static final Map<String, String> NAMES = Map.of("fabio-id", "Fabio Facilitator", "alice-id", "Alice Participant");

    private static Map<String, Object> note(String text, double x, double y, String owner, Map<String, Object> votes) {
        return Map.of("type", "note", "text", text, "x", x, "y", y, "w", 100, "h", 80, "owner", owner, "votes", votes, "color", "yellow");
    }

    /** A map in the order given, as a document's JSON keeps its keys. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    @Test
    void notesComeWithTheirFrameTheirAuthorsNameAndTheirVotesAndNothingWithoutText() {
        Map<String, Object> objects = new java.util.LinkedHashMap<>();
        objects.put("f1", Map.of("type", "frame", "text", "Needs", "x", 0, "y", 0, "w", 400, "h", 400, "owner", "fabio-id"));
        objects.put("f2", Map.of("type", "frame", "text", "Inner", "x", 0, "y", 0, "w", 200, "h", 200, "owner", "fabio-id"));
        objects.put("n1", note("Mentors", 250, 250, "alice-id", Map.of("fabio-id", true, "alice-id", true)));
        objects.put("n2", note("Budget", 20, 20, "fabio-id", Map.of()));
        objects.put("n3", note("Outside", 900, 900, "anonymous", Map.of()));
        objects.put("c1", Map.of("type", "connector", "from", "n1", "to", "n2", "owner", "fabio-id"));

        RoomData.Table t = new RoomData(Map.of("objects", objects), Map.of(), NAMES).table("notes");

        assertEquals(List.of("id", "type", "text", "frame", "author", "votes", "colour", "locked"), t.columns());
        assertEquals(List.of(
                List.of("n3", "note", "Outside", "", "", 0, "yellow", false),
                List.of("n2", "note", "Budget", "Inner", "Fabio Facilitator", 0, "yellow", false),
                List.of("n1", "note", "Mentors", "Needs", "Alice Participant", 2, "yellow", false)), t.rows(),
                "the smallest frame holding the centre; an anonymous note has no author; connectors and frames are no rows");
    }

    @Test
    void pollsAreCountedFromBallotsOrFromTheServersTallyAndNeverNameAVoter() {
        Map<String, Object> workshop = Map.of(
                "workshop", Map.of("polls", ordered(
                        "p1", Map.of("question", "Which first?", "options", List.of("CAD", "CNC"), "state", "open"),
                        "p2", Map.of("question", "Secret", "options", List.of("yes", "no"), "state", "closed", "anonymous", true,
                                "tally", Map.of("yes", 3, "no", 1)),
                        "p3", Map.of("question", "Dots", "kind", "dots", "targets", List.of("n1", "n2"), "labels", Map.of("n1", "Mentors"),
                                "state", "open"))),
                "votes", Map.of("p1", Map.of("alice-id", "CAD", "fabio-id", "CAD"), "p3", Map.of("alice-id", List.of("n1", "n1", "n2"))));

        RoomData.Table t = new RoomData(Map.of(), workshop, NAMES).table("polls");

        assertEquals(List.of(
                List.of("p1", "Which first?", "choice", "CAD", 2L, "open"),
                List.of("p1", "Which first?", "choice", "CNC", 0L, "open"),
                List.of("p2", "Secret", "choice", "yes", 3L, "closed"),
                List.of("p2", "Secret", "choice", "no", 1L, "closed"),
                List.of("p3", "Dots", "dots", "Mentors", 2L, "open"),
                List.of("p3", "Dots", "dots", "n2", 1L, "open")), t.rows());
        assertEquals(false, Csv.of(t.columns(), t.rows()).contains("alice"));
    }

    @Test
    void statementsCountAgreeDisagreeAndPassAndQuestionsComeMostUpvotedFirst() {
        Map<String, Object> workshop = Map.of(
                "statements", Map.of("s1", Map.of("text", "Pay tutors", "owner", "alice-id",
                        "votes", Map.of("a", 1, "b", 1, "c", -1, "d", 0))),
                "questions", Map.of(
                        "q1", Map.of("text", "Who pays?", "owner", "anonymous", "upvotes", Map.of("a", true)),
                        "q2", Map.of("text", "When?", "owner", "fabio-id", "upvotes", Map.of("a", true, "b", true), "pinned", true)),
                "answers", Map.of("a1", Map.of("question", "q1", "text", "The region", "owner", "fabio-id", "upvotes", Map.of())));
        RoomData data = new RoomData(Map.of(), workshop, NAMES);

        assertEquals(List.of(List.of("s1", "Pay tutors", "Alice Participant", 2L, 1L, 1L, false)), data.table("statements").rows());
        assertEquals(List.of(List.of("q2", "When?", "Fabio Facilitator", 2, "", true, "", 0L),
                List.of("q1", "Who pays?", "", 1, "", false, "", 1L)), data.table("questions").rows());
        assertEquals(List.of(List.of("a1", "q1", "The region", "Fabio Facilitator", 0)), data.table("answers").rows());
    }

    @Test
    void csvQuotesWhatNeedsItAndDisarmsWhatASpreadsheetWouldRun() {
        assertEquals("id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,'=SUM(A1)\r\n4,\"'+1\n2\"\r\n5,-3\r\n",
                Csv.of(List.of("id", "text"), List.of(List.of(1, "a, b"), List.of(2, "say \"hi\""), List.of(3, "=SUM(A1)"),
                        List.of(4, "+1\n2"), List.of(5, -3))));
    }

    @Test
    void aFileNameIsMadeOfTheTitlesLettersAndDigits() {
        assertEquals("skills-for-the-green-transition", ExportController.slug("Skills for the green transition!"));
        assertEquals("perche-la-transizione", ExportController.slug("Perché la transizione"));
        assertEquals("room", ExportController.slug("«»"));
    }
}
