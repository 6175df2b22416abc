package eu.vetnet.rooms.history;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlText;
import eu.vetnet.rooms.history.process.YClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Restoring on the Cassandra-backed room server in this JVM: a deleted note and a deleted paragraph put back from an
 * instant when they were there, and a new room started from that instant, the original left as it is.
 */
class RestoreApiIntegrationTests extends CassandraApiTestSupport {

    private HttpResponse<String> call(String method, String path, String body, String user, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + issuer.token(user, role)).header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    static void paragraph(YClient notes, int index, String text) {
        notes.change(doc -> {
            YXmlElement p = new YXmlElement("paragraph");
            doc.getXmlFragment("default").insert(index, List.of(p));
            YXmlText t = new YXmlText();
            p.insert(0, List.of(t));
            t.insert(0, text);
        });
    }

    @Test
    void aDeletedNoteAndParagraphComeBackAndANewRoomStartsFromThePast() throws Exception {
        database.whenReady().get(120, TimeUnit.SECONDS);
        HttpResponse<String> created = call("POST", "/api/rooms",
                "{\"title\":\"Restore test\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}", "fabio", "facilitator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String room = id(created.body());
        YClient board = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "board", issuer.token("fabio", "facilitator"));
        YClient notes = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "notes", issuer.token("fabio", "facilitator"));
        try {
            RenderApiIntegrationTests.note(board, "n1", 0, "Kept idea");
            RenderApiIntegrationTests.note(board, "n2", 200, "Lost idea");
            paragraph(notes, 0, "First paragraph");
            paragraph(notes, 1, "Second paragraph");
            Thread.sleep(700);
            Instant before = Instant.now();
            Thread.sleep(700);
            board.change(doc -> doc.getMap("objects").delete("n2"));
            notes.change(doc -> doc.getXmlFragment("default").delete(0, 1));
            Thread.sleep(700);
            assertThat(call("GET", "/api/rooms/" + room + "/documents/board", null, "alice", "participant").body()).doesNotContain("Lost idea");

            // The document's blocks then and now, as the history page compares them to offer a paragraph back.
            assertThat(call("GET", "/api/rooms/" + room + "/notes/blocks?at=" + before, null, "alice", "participant").body())
                    .isEqualTo("[\"First paragraph\",\"Second paragraph\"]");
            assertThat(call("GET", "/api/rooms/" + room + "/notes/blocks", null, "alice", "participant").body()).isEqualTo("[\"Second paragraph\"]");
            String at = "\"at\":\"" + before + "\"";
            String path = "/api/rooms/" + room + "/restorations";
            assertThat(call("POST", path, "{" + at + ",\"objectId\":\"n2\"}", "alice", "participant").statusCode()).isEqualTo(403);
            assertThat(call("POST", path, "{" + at + ",\"objectId\":\"n2\"}", "fabio", "facilitator").statusCode()).isEqualTo(200);
            assertThat(call("POST", path, "{" + at + ",\"objectId\":\"n2\"}", "fabio", "facilitator").statusCode()).isEqualTo(409);
            assertThat(call("POST", path, "{" + at + ",\"objectId\":\"never\"}", "fabio", "facilitator").statusCode()).isEqualTo(404);
            assertThat(call("POST", path, "{" + at + ",\"block\":0}", "fabio", "facilitator").statusCode()).isEqualTo(200);
            assertThat(call("POST", path, "{" + at + "}", "fabio", "facilitator").statusCode()).isEqualTo(400);
            assertThat(call("POST", path, "{\"at\":\"2999-01-01T00:00:00Z\",\"block\":0}", "fabio", "facilitator").statusCode()).isEqualTo(400);
            String liveBoard = call("GET", "/api/rooms/" + room + "/documents/board", null, "alice", "participant").body();
            assertThat(liveBoard).contains("Kept idea", "Lost idea");
            String liveNotes = call("GET", "/api/rooms/" + room + "/documents/notes", null, "alice", "participant").body();
            assertThat(liveNotes.indexOf("First paragraph")).as(liveNotes).isGreaterThanOrEqualTo(0).isLessThan(liveNotes.indexOf("Second paragraph"));
            // Everyone in the room sees what came back: it was broadcast as any change.
            boolean[] seen = {false};
            for (long deadline = System.nanoTime() + 5_000_000_000L; !seen[0] && System.nanoTime() < deadline; Thread.sleep(100)) {
                board.change(doc -> seen[0] = doc.getMap("objects").get("n2") != null);
            }
            assertThat(seen[0]).as("fabio's open board received the restored note").isTrue();

            // A new room from the instant before: the board and the document as they were, alice still in it; the original as it is.
            assertThat(call("POST", "/api/rooms/" + room + "/copies", "{" + at + "}", "alice", "participant").statusCode()).isEqualTo(403);
            HttpResponse<String> copied = call("POST", "/api/rooms/" + room + "/copies", "{" + at + "}", "fabio", "facilitator");
            assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
            assertThat(copied.body()).contains("Restore test (", " UTC)");
            String copy = id(copied.body());
            assertThat(copy).isNotEqualTo(room);
            assertThat(call("GET", "/api/rooms/" + copy + "/documents/board", null, "alice", "participant").body()).contains("Kept idea", "Lost idea");
            assertThat(call("GET", "/api/rooms/" + copy + "/documents/notes", null, "alice", "participant").body())
                    .contains("First paragraph", "Second paragraph");
            assertThat(call("POST", "/api/rooms/" + room + "/copies", "{}", "fabio", "facilitator").statusCode()).isEqualTo(400);
        } finally {
            board.close();
            notes.close();
        }
    }
}
