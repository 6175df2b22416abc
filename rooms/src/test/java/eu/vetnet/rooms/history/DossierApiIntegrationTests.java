package eu.vetnet.rooms.history;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.rooms.history.process.YClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The session dossier on the Cassandra-backed room server in this JVM: assembled from the room, its files, decisions
 * edited while a draft, sent (then fixed), versions, and who may do what.
 */
class DossierApiIntegrationTests extends CassandraApiTestSupport {

    private HttpResponse<byte[]> call(String method, String path, String body, String user, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + issuer.token(user, role)).header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aDossierIsAssembledEditedWhileADraftSentAndThenFixed() throws Exception {
        database.whenReady().get(120, TimeUnit.SECONDS);
        HttpResponse<byte[]> created = call("POST", "/api/rooms",
                "{\"title\":\"Dossier test\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}", "fabio", "facilitator");
        assertThat(created.statusCode()).isEqualTo(201);
        String room = text(created).replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        YClient board = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "board", issuer.token("fabio", "facilitator"));
        YClient alice = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "notes", issuer.token("alice", "participant"));
        try {
            RenderApiIntegrationTests.note(board, "n1", 0, "Mentor pool for SMEs");
            RestoreApiIntegrationTests.paragraph(alice, 0, "We agreed on a pilot");
            Thread.sleep(800);
            // Attendance is listed only as consented: alice agrees, fabio does not (nor does mallory, who is not on the list).
            String consent = "/api/rooms/" + room + "/attendance/consent";
            assertThat(text(call("GET", consent, null, "alice", "participant"))).isEqualTo("{\"consented\":false}");
            assertThat(call("PUT", consent, "{}", "alice", "participant").statusCode()).isEqualTo(400);
            assertThat(call("PUT", consent, "{\"consented\":true}", "mallory", "participant").statusCode()).isEqualTo(403);
            assertThat(call("PUT", consent, "{\"consented\":true}", "alice", "participant").statusCode()).isEqualTo(200);
            assertThat(text(call("GET", consent, null, "alice", "participant"))).isEqualTo("{\"consented\":true}");
            String attendance = text(call("GET", "/api/rooms/" + room + "/export/attendance.csv", null, "fabio", "facilitator"));
            assertThat(attendance).startsWith("name,session,sessionStartedAt,joinedAt,leftAt,minutes").containsIgnoringCase("alice,1,").doesNotContainIgnoringCase("fabio");
            assertThat(text(call("GET", "/api/rooms/" + room + "/export/attendance.json", null, "alice", "participant")))
                    .contains("\"dataset\":\"attendance\"").containsIgnoringCase("\"name\":\"alice\"");

            String base = "/api/rooms/" + room + "/dossiers";
            assertThat(call("POST", base, "", "alice", "participant").statusCode()).isEqualTo(403);
            HttpResponse<byte[]> first = call("POST", base, "", "fabio", "facilitator");
            assertThat(first.statusCode()).as(text(first)).isEqualTo(201);
            assertThat(text(first)).contains("\"version\":1", "\"status\":\"DRAFT\"", "board.svg", "board.png", "notes.pdf", "data.json", "\"people\":2", "\"listed\":1");

            // Its files, for anyone on the list.
            assertThat(text(call("GET", base + "/1/files/board.svg", null, "alice", "participant"))).contains("data-id=\"n1\"", "Mentor pool for");
            assertThat(text(call("GET", base + "/1/files/notes.md", null, "alice", "participant"))).contains("We agreed on a pilot");
            assertThat(text(call("GET", base + "/1/files/data.json", null, "alice", "participant"))).contains("Mentor pool for SMEs").containsIgnoringCase("\"attendance\":[{\"name\":\"alice\"");
            assertThat(text(call("GET", base + "/1/files/attendance.csv", null, "alice", "participant"))).containsIgnoringCase("alice,1,").doesNotContainIgnoringCase("fabio");
            try (var pdf = Loader.loadPDF(call("GET", base + "/1/files/board.pdf", null, "alice", "participant").body())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("Mentor pool for");
            }
            // The PNG is made from the stored SVG when first asked for, then kept.
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> png = call("GET", base + "/1/files/board.png", null, "alice", "participant");
                assertThat(png.statusCode()).isEqualTo(200);
                assertThat(java.util.Arrays.copyOf(png.body(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            }
            assertThat(call("GET", base + "/1/files/board.svg", null, "mallory", "participant").statusCode()).isEqualTo(403);
            assertThat(call("GET", base + "/1/files/nothing.txt", null, "alice", "participant").statusCode()).isEqualTo(404);

            // Decisions while a draft: checked, by facilitators only.
            String decisions = "{\"decisions\":[{\"text\":\"Pilot in two regions\",\"owner\":\"Alice\",\"due\":\"2027-03-31\"},{\"text\":\"Share the board\"}]}";
            assertThat(call("PUT", base + "/1/decisions", decisions, "alice", "participant").statusCode()).isEqualTo(403);
            assertThat(call("PUT", base + "/1/decisions", "{\"decisions\":[{\"text\":\"x\",\"due\":\"soon\"}]}", "fabio", "facilitator").statusCode())
                    .isEqualTo(400);
            assertThat(call("PUT", base + "/1/decisions", "{\"decisions\":[{\"text\":\" \"}]}", "fabio", "facilitator").statusCode()).isEqualTo(400);
            assertThat(call("PUT", base + "/1/decisions", decisions, "fabio", "facilitator").statusCode()).isEqualTo(200);
            assertThat(text(call("GET", base + "/1/files/dossier.md", null, "alice", "participant")))
                    .contains("- Pilot in two regions (owner: Alice, due 2027-03-31)", "- Share the board", "1 objects", "2 people took part; 1 of them agreed");

            // Sent: fixed from then on; a new version can be assembled.
            HttpResponse<byte[]> sent = call("POST", base + "/1/sending", "", "fabio", "facilitator");
            assertThat(sent.statusCode()).as(text(sent)).isEqualTo(200);
            assertThat(text(sent)).contains("\"status\":\"SENT\"");
            assertThat(call("PUT", base + "/1/decisions", decisions, "fabio", "facilitator").statusCode()).isEqualTo(409);
            assertThat(call("POST", base + "/1/sending", "", "fabio", "facilitator").statusCode()).isEqualTo(409);
            assertThat(call("POST", base, "", "fabio", "facilitator").statusCode()).isEqualTo(201);
            String list = text(call("GET", base, null, "alice", "participant"));
            assertThat(list.indexOf("\"version\":2")).isGreaterThanOrEqualTo(0).isLessThan(list.indexOf("\"version\":1"));
            assertThat(call("GET", base + "/9/files/dossier.md", null, "alice", "participant").statusCode()).isEqualTo(404);
        } finally {
            board.close();
            alice.close();
        }
    }
}
