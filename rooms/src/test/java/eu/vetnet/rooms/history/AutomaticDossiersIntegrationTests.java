package eu.vetnet.rooms.history;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vetnet.rooms.dossier.AutomaticDossiers;
import eu.vetnet.rooms.history.process.YClient;
import eu.vetnet.rooms.presence.Presence;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A scheduled session's dossier, assembled by the server once the session is over and the room empty: not while
 * someone is still in it, once when it empties (a second sweep makes none), and not for a session whose facilitator
 * assembled one already.
 */
class AutomaticDossiersIntegrationTests extends CassandraApiTestSupport {

    @Autowired
    AutomaticDossiers automatic;

    @Autowired
    Presence presence;

    private HttpResponse<String> call(String method, String path, String body, String user, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + issuer.token(user, role)).header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String room(String title) throws Exception {
        HttpResponse<String> created = call("POST", "/api/rooms", "{\"title\":\"" + title + "\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}",
                "fabio", "facilitator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private String schedule(Instant starts, Instant ends) {
        return "{\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + ends + "\"}";
    }

    @Test
    void aScheduledSessionGetsItsDossierOnceItIsOverAndItsRoomEmpty() throws Exception {
        database.whenReady().get(120, TimeUnit.SECONDS);
        String room = room("Scheduled session");
        // Cassandra keeps milliseconds.
        Instant starts = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        Instant ends = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String path = "/api/rooms/" + room + "/schedule";
        assertThat(call("PUT", path, schedule(starts, ends), "alice", "participant").statusCode()).isEqualTo(403);
        assertThat(call("PUT", path, schedule(ends, starts), "fabio", "facilitator").statusCode()).isEqualTo(400);
        assertThat(call("PUT", path, schedule(starts, starts.plus(Duration.ofDays(8))), "fabio", "facilitator").statusCode()).isEqualTo(400);
        assertThat(call("PUT", path, schedule(starts, ends), "fabio", "facilitator").statusCode()).isEqualTo(200);
        assertThat(call("GET", path, null, "alice", "participant").body()).contains("\"endsAt\":\"" + ends);

        YClient alice = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "board", issuer.token("alice", "participant"));
        String dossiers = "/api/rooms/" + room + "/dossiers";
        try {
            RenderApiIntegrationTests.note(alice, "n1", 0, "Written before the end");
            // Before the end: nothing is due.
            automatic.sweep();
            assertThat(call("GET", dossiers, null, "fabio", "facilitator").body()).isEqualTo("[]");
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), ends).toMillis()) + 500);
            // Over, but alice is still in the room: it waits.
            automatic.sweep();
            assertThat(call("GET", dossiers, null, "fabio", "facilitator").body()).isEqualTo("[]");
        } finally {
            alice.close();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!presence.room(room).block().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        // Empty: the dossier is assembled, once.
        automatic.sweep();
        String list = call("GET", dossiers, null, "fabio", "facilitator").body();
        assertThat(list).contains("\"version\":1", "\"createdBy\":\"" + AutomaticDossiers.ASSEMBLED_BY + "\"", "\"status\":\"DRAFT\"");
        automatic.sweep();
        assertThat(call("GET", dossiers, null, "fabio", "facilitator").body()).doesNotContain("\"version\":2");

        // A session whose facilitator ended it with a dossier gets no second one.
        String other = room("Ended by its facilitator");
        assertThat(call("POST", "/api/rooms/" + other + "/dossiers", "", "fabio", "facilitator").statusCode()).isEqualTo(201);
        assertThat(call("PUT", "/api/rooms/" + other + "/schedule", schedule(starts, Instant.now().minusSeconds(1)), "fabio", "facilitator").statusCode())
                .isEqualTo(200);
        automatic.sweep();
        assertThat(call("GET", "/api/rooms/" + other + "/dossiers", null, "fabio", "facilitator").body()).doesNotContain("\"version\":2");

        // A session over for longer than the server waits for its room to empty (vetnet.dossier.wait-for-empty, 12 h)
        // gets none: it is no longer looked at.
        String old = room("Long over");
        Instant yesterday = Instant.now().minus(Duration.ofHours(13)).truncatedTo(ChronoUnit.MILLIS);
        assertThat(call("PUT", "/api/rooms/" + old + "/schedule", schedule(yesterday.minus(Duration.ofHours(2)), yesterday), "fabio", "facilitator")
                .statusCode()).isEqualTo(200);
        automatic.sweep();
        assertThat(call("GET", "/api/rooms/" + old + "/dossiers", null, "fabio", "facilitator").body()).isEqualTo("[]");
    }
}
