package eu.vetnet.rooms.history;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The renders over REST on the Cassandra-backed room server in this JVM: a board and a document written by a client
 * come back as SVG, PNG, PDF, Markdown and HTML, now and as they were at an instant; for the room's people only.
 */
class RenderApiIntegrationTests extends CassandraApiTestSupport {

    private HttpResponse<byte[]> get(String path, String user, String role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + issuer.token(user, role)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private String text(String path) throws Exception {
        HttpResponse<byte[]> r = get(path, "alice", "participant");
        assertThat(r.statusCode()).as(path + ": " + new String(r.body())).isEqualTo(200);
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static void note(YClient client, String id, double x, String text) {
        client.change(doc -> {
            YMap note = new YMap();
            doc.getMap("objects").set(id, note);
            note.set("type", "note");
            note.set("owner", "fabio-id");
            note.set("x", x);
            note.set("y", 40.0);
            note.set("w", 160.0);
            note.set("h", 120.0);
            note.set("z", 1.0);
            note.set("color", "#fff3a3");
            note.set("text", new YText(text));
        });
    }

    @Test
    void aRoomsBoardAndDocumentComeBackAsFilesNowAndAsTheyWere() throws Exception {
        database.whenReady().get(120, TimeUnit.SECONDS);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms"))
                .header("Authorization", "Bearer " + issuer.token("fabio", "facilitator")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Render test\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        String room = m.group(1);
        String base = "/api/rooms/" + room + "/export/";

        YClient board = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "board", issuer.token("fabio", "facilitator"));
        YClient notes = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "notes", issuer.token("fabio", "facilitator"));
        assertThat(board).isNotNull();
        assertThat(notes).isNotNull();
        try {
            note(board, "n1", 0, "Morning idea");
            notes.change(doc -> {
                YXmlElement p = new YXmlElement("paragraph");
                doc.getXmlFragment("default").insert(0, List.of(p));
                YXmlText t = new YXmlText();
                p.insert(0, List.of(t));
                t.insert(0, "Decision: pilot in March");
            });
            Thread.sleep(600);
            Instant between = Instant.now();
            Thread.sleep(600);
            note(board, "n2", 200, "Afternoon idea");
            Thread.sleep(800);

            String now = text(base + "board.svg");
            assertThat(now).contains("data-id=\"n1\"", "Morning idea", "data-id=\"n2\"", "Afternoon idea");
            String then = text(base + "board.svg?at=" + between);
            assertThat(then).contains("Morning idea").doesNotContain("Afternoon idea");

            HttpResponse<byte[]> png = get(base + "board.png", "alice", "participant");
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("content-type")).hasValue("image/png");
            assertThat(png.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            HttpResponse<byte[]> pdf = get(base + "board.pdf?at=" + between, "alice", "participant");
            assertThat(pdf.headers().firstValue("content-disposition").orElse("")).contains("render-test-board.pdf");
            try (var doc = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(doc)).contains("Morning idea").doesNotContain("Afternoon idea");
            }

            assertThat(text(base + "notes.md")).isEqualTo("# Render test\n\nDecision: pilot in March\n");
            assertThat(text(base + "notes.html?lang=de")).contains("<html lang=\"de\">", "<p>Decision: pilot in March</p>");
            try (var doc = Loader.loadPDF(get(base + "notes.pdf", "alice", "participant").body())) {
                assertThat(new PDFTextStripper().getText(doc)).contains("Render test", "Decision: pilot in March");
            }

            // Not on the list: 403; a made-up instant: 400 with the fix; the CSV exports are still there beside them.
            assertThat(get(base + "board.svg", "mallory", "participant").statusCode()).isEqualTo(403);
            HttpResponse<byte[]> bad = get(base + "board.svg?at=yesterday", "alice", "participant");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(new String(bad.body())).contains("ISO-8601");
            assertThat(get(base + "notes.csv", "alice", "participant").statusCode()).isEqualTo(200);
        } finally {
            board.close();
            notes.close();
        }
    }
}
