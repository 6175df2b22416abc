package eu.vetnet.rooms.history;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.rooms.history.process.YClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Publishing on the Cassandra-backed room server in this JVM: alice and bruno write notes, a question, votes and a
 * paragraph naming each other; fabio publishes the session's dossier and the board, anonymised, under a licence;
 * anyone reads them without signing in, and no byte of any file (nor the text inside its PDFs) names anyone or
 * carries a user id. Withdrawn, they are gone.
 */
class PublicationApiIntegrationTests extends CassandraApiTestSupport {

    /**
     * What no byte may hold, whatever its case: the test issuer's usernames and names, which its ids contain too
     * (TestIssuer: id = username + "-id", name = the username capitalised).
     */
    private static final List<String> FORBIDDEN = List.of("alice", "bruno", "fabio");

    private HttpResponse<byte[]> call(String method, String path, String body, String user, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json");
        if (user != null) {
            b.header("Authorization", "Bearer " + issuer.token(user, role));
        }
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void aDossierAndABoardArePublishedWithoutAnyoneInThemAndCanBeWithdrawn() throws Exception {
        database.whenReady().get(120, TimeUnit.SECONDS);
        HttpResponse<byte[]> created = call("POST", "/api/rooms",
                "{\"title\":\"Publishing with Alice\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\",\"bruno\"]}}", "fabio", "facilitator");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        String room = field(text(created), "id");
        String ws = "ws://127.0.0.1:" + port;
        YClient aliceBoard = YClient.syncedOrNull(ws, room, "board", issuer.token("alice", "participant"));
        YClient brunoBoard = YClient.syncedOrNull(ws, room, "board", issuer.token("bruno", "participant"));
        YClient brunoWorkshop = YClient.syncedOrNull(ws, room, "workshop", issuer.token("bruno", "participant"));
        YClient aliceNotes = YClient.syncedOrNull(ws, room, "notes", issuer.token("alice", "participant"));
        try {
            // The app's object ids begin with their author's id; texts name people by name, username and id.
            aliceBoard.change(doc -> {
                YMap note = new YMap();
                doc.getMap("objects").set("alice-id-1", note);
                note.set("type", "note");
                note.set("owner", "alice-id");
                note.set("x", 0.0);
                note.set("y", 0.0);
                note.set("w", 200.0);
                note.set("h", 120.0);
                note.set("color", "#fff3a3");
                note.set("text", new YText("Mentor pool, as Bruno said (ask fabio)"));
                note.set("votes", new YMap());
            });
            Thread.sleep(300);
            brunoBoard.change(doc -> {
                YMap arrow = new YMap();
                doc.getMap("objects").set("bruno-id-7", arrow);
                arrow.set("type", "connector");
                arrow.set("owner", "bruno-id");
                arrow.set("from", "alice-id-1");
                arrow.set("to", "alice-id-1");
                arrow.set("votes", new YMap());
            });
            brunoBoard.change(doc -> ((YMap) ((YMap) doc.getMap("objects").get("alice-id-1")).get("votes")).set("bruno-id", true));
            brunoWorkshop.change(doc -> {
                YMap q = new YMap();
                doc.getMap("questions").set("bruno-id-q1", q);
                q.set("text", "Can ALICE share her contacts?");
                q.set("owner", "bruno-id");
                q.set("upvotes", new YMap());
            });
            RestoreApiIntegrationTests.paragraph(aliceNotes, 0, "Minutes by Alice; next steps with Bruno and alice-id's team");
            Thread.sleep(1_000);
            assertThat(text(call("GET", "/api/rooms/" + room + "/documents/board", null, "fabio", "facilitator"))).contains("Mentor pool");

            String dossiers = "/api/rooms/" + room + "/dossiers";
            assertThat(call("POST", dossiers, "", "fabio", "facilitator").statusCode()).isEqualTo(201);
            assertThat(call("PUT", dossiers + "/1/decisions", "{\"decisions\":[{\"text\":\"Bruno writes to the chamber\",\"owner\":\"Bruno\"}]}",
                    "fabio", "facilitator").statusCode()).isEqualTo(200);

            // Publishing is the facilitator's, under a licence of the library's list.
            String publications = "/api/rooms/" + room + "/publications";
            String dossierBody = "{\"what\":\"dossier\",\"version\":1,\"licence\":\"CC-BY-SA-4.0\",\"summary\":\"What Alice's group found\"}";
            assertThat(call("POST", publications, dossierBody, "alice", "participant").statusCode()).isEqualTo(403);
            HttpResponse<byte[]> badLicence = call("POST", publications, dossierBody.replace("CC-BY-SA-4.0", "GPL-3.0"), "fabio", "facilitator");
            assertThat(badLicence.statusCode()).isEqualTo(400);
            assertThat(text(badLicence)).contains("CC-BY-4.0");
            assertThat(call("POST", publications, "{\"what\":\"dossier\",\"version\":9,\"licence\":\"CC0-1.0\"}", "fabio", "facilitator").statusCode())
                    .isEqualTo(404);
            HttpResponse<byte[]> dossier = call("POST", publications, dossierBody, "fabio", "facilitator");
            assertThat(dossier.statusCode()).as(text(dossier)).isEqualTo(201);
            String dossierId = field(text(dossier), "id");
            HttpResponse<byte[]> board = call("POST", publications, "{\"what\":\"board\",\"licence\":\"CC0-1.0\"}", "fabio", "facilitator");
            assertThat(board.statusCode()).as(text(board)).isEqualTo(201);
            String boardId = field(text(board), "id");

            // Anyone reads them, signed out; nothing in any of their bytes names anyone.
            String page = text(call("GET", "/api/public/publications/" + dossierId, null, null, null));
            assertThat(page).contains("CC BY-SA 4.0", "Participant", "writes to the chamber", "\"kind\":\"DOSSIER\"").doesNotContain(room);
            assertNobody(page);
            List<String> names = new ArrayList<>();
            Matcher files = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(page.substring(page.indexOf("\"files\"")));
            while (files.find()) {
                names.add(files.group(1));
            }
            assertThat(names).contains("publication.md", "board.svg", "board.png", "board.pdf", "board.json", "notes.md", "notes.html", "notes.pdf",
                    "data.json");
            StringBuilder everything = new StringBuilder();
            for (String name : names) {
                HttpResponse<byte[]> f = call("GET", "/api/public/publications/" + dossierId + "/files/" + name, null, null, null);
                assertThat(f.statusCode()).as(name).isEqualTo(200);
                assertNobody(new String(f.body(), StandardCharsets.ISO_8859_1));
                if (name.endsWith(".pdf")) {
                    try (var pdf = Loader.loadPDF(f.body())) {
                        String pdfText = new PDFTextStripper().getText(pdf);
                        assertNobody(pdfText);
                        everything.append(pdfText);
                    }
                } else if (!name.endsWith(".png")) {
                    everything.append(new String(f.body(), StandardCharsets.UTF_8));
                }
            }
            // What people wrote is there, under pseudonyms; the objects renumbered, the connector still joined to its note.
            assertThat(everything.toString()).contains("Mentor pool, as Participant", "Can Participant", "Minutes by Participant",
                    "\"from\":\"object-", "\"author\":\"Participant");
            String boardJson = text(call("GET", "/api/public/publications/" + dossierId + "/files/board.json", null, null, null));
            assertThat(field(boardJson, "from")).isEqualTo(field(boardJson, "to")).startsWith("object-");
            assertThat(boardJson).contains("\"votes\":1").doesNotContain("owner");
            for (String name : List.of("board.svg", "board.json", "publication.md")) {
                assertNobody(text(call("GET", "/api/public/publications/" + boardId + "/files/" + name, null, null, null)));
            }
            assertThat(text(call("GET", "/api/public/publications", null, null, null))).contains(dossierId, boardId);
            assertThat(text(call("GET", publications, null, "alice", "participant"))).contains(dossierId, boardId);

            // Withdrawn: gone for the public, files included; still listed for the room.
            assertThat(call("DELETE", publications + "/" + boardId, "", "alice", "participant").statusCode()).isEqualTo(403);
            assertThat(call("DELETE", publications + "/" + boardId, "", "fabio", "facilitator").statusCode()).isEqualTo(200);
            assertThat(call("GET", "/api/public/publications/" + boardId, null, null, null).statusCode()).isEqualTo(410);
            assertThat(call("GET", "/api/public/publications/" + boardId + "/files/board.svg", null, null, null).statusCode()).isEqualTo(410);
            assertThat(text(call("GET", "/api/public/publications", null, null, null))).contains(dossierId).doesNotContain(boardId);
            assertThat(call("GET", "/api/public/publications/nothing-here", null, null, null).statusCode()).isEqualTo(404);
        } finally {
            aliceBoard.close();
            brunoBoard.close();
            brunoWorkshop.close();
            aliceNotes.close();
        }
    }

    private static void assertNobody(String content) {
        String lower = content.toLowerCase(Locale.ROOT);
        for (String forbidden : FORBIDDEN) {
            assertThat(lower).as("names no one: " + forbidden).doesNotContain(forbidden);
        }
    }
}
