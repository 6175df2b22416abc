package eu.vetnet.rooms.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.history.process.YClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Cassandra-backed room server in this JVM: rooms stored in Cassandra, replay of sessions and of a document as of an instant. */
class ReplayApiIntegrationTests extends CassandraApiTestSupport {

    private HttpResponse<String> call(String method, String path, String body, String user, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + issuer.token(user, role)).header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void roomsAreKeptInCassandraAndADocumentCanBeReplayedAsOfAnInstant() throws Exception {
        database.whenReady().get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(rooms instanceof CassandraRoomStore, rooms.getClass().getName());
        HttpResponse<String> created = call("POST", "/api/rooms",
                "{\"title\":\"replay\",\"kind\":\"WORKSHOP\",\"access\":{\"participants\":[\"alice\"]}}", "fabio", "facilitator");
        assertEquals(201, created.statusCode(), created.body());
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        assertTrue(m.find());
        String room = m.group(1);
        assertNotNull(rooms.find(room).toCompletableFuture().join(), "the room is read back from Cassandra");

        YClient fabio = YClient.syncedOrNull("ws://127.0.0.1:" + port, room, "notes", issuer.token("fabio", "facilitator"));
        assertNotNull(fabio);
        fabio.append("first-part ");
        Thread.sleep(300);
        Instant between = Instant.now();
        Thread.sleep(300);
        fabio.append("second-part ");
        Thread.sleep(500);

        // The names directory: whoever joined is listed by id with the token's name, for anyone on the list, and kept in Cassandra.
        HttpResponse<String> people = call("GET", "/api/rooms/" + room + "/people", null, "alice", "participant");
        assertEquals(200, people.statusCode(), people.body());
        assertEquals("[{\"id\":\"fabio-id\",\"name\":\"fabio\"}]", people.body());
        assertEquals(java.util.List.of(new eu.vetnet.rooms.people.RoomPeople.Person("fabio-id", "fabio")),
                new CassandraRoomPeople(database::statements).list(room).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(java.util.Map.of("fabio-id", "fabio"), new CassandraRoomPeople(database::statements)
                .names(room, java.util.List.of("fabio-id", "nobody-id")).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS),
                "names of a few ids, those who joined");
        assertEquals(403, call("GET", "/api/rooms/" + room + "/people", null, "mallory", "participant").statusCode());
        // Requests for access are kept in Cassandra too: asked, listed, answered.
        assertEquals(202, call("POST", "/api/rooms/" + room + "/access-requests", "", "bob", "participant").statusCode());
        var stored = new CassandraAccessRequests(database::statements).list(room).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals("bob-id", stored.get(0).userId());
        assertEquals(eu.vetnet.rooms.access.AccessRequests.Status.PENDING, stored.get(0).status());
        assertEquals(200, call("POST", "/api/rooms/" + room + "/access-requests/bob-id", "{\"decision\":\"observer\"}", "fabio", "facilitator").statusCode());
        assertEquals(eu.vetnet.rooms.access.AccessRequests.Status.GRANTED, new CassandraAccessRequests(database::statements)
                .find(room, "bob-id").toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS).orElseThrow().status());
        assertEquals(200, call("GET", "/api/rooms/" + room, null, "bob", "participant").statusCode());
        assertEquals(404, call("GET", "/api/rooms/no-such-room/people", null, "alice", "participant").statusCode());

        String then = call("GET", "/api/rooms/" + room + "/documents/notes?at=" + between, null, "alice", "participant").body();
        String now = call("GET", "/api/rooms/" + room + "/documents/notes", null, "alice", "participant").body();
        assertTrue(then.contains("first-part") && !then.contains("second-part"), then);
        assertTrue(now.contains("first-part") && now.contains("second-part"), now);

        fabio.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        String sessions;
        do {
            Thread.sleep(200);
            sessions = call("GET", "/api/rooms/" + room + "/sessions", null, "fabio", "facilitator").body();
        } while (!sessions.contains("\"endedAt\":\"") && System.nanoTime() < deadline);
        assertTrue(sessions.contains("fabio-id") && sessions.contains("\"endedAt\":\""), sessions);

        assertEquals(403, call("GET", "/api/rooms/" + room + "/sessions", null, "mallory", "participant").statusCode());
        // Sessions come a page at a time: a limit within the cap, a cursor from the page before; anything else is a 400.
        String first = call("GET", "/api/rooms/" + room + "/sessions?limit=1", null, "fabio", "facilitator").body();
        assertTrue(first.startsWith("{\"sessions\":[") && first.contains("\"next\":"), first);
        for (String bad : new String[] {"limit=0", "limit=201", "limit=ten", "cursor=not-a-cursor", "cursor=%3A%3A"}) {
            HttpResponse<String> refused = call("GET", "/api/rooms/" + room + "/sessions?" + bad, null, "fabio", "facilitator");
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.body().contains("\"fix\""), refused.body());
        }
        assertEquals(400, call("GET", "/api/rooms/" + room + "/documents/notes?at=yesterday", null, "alice", "participant").statusCode());
        assertFalse(call("GET", "/api/presence", null, "alice", "participant").body().isBlank());
    }
}
