package eu.vetnet.rooms.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.rooms.images.ImagesProperties;
import eu.vetnet.rooms.images.RoomImages;
import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomRecord;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Board images stored in the real Cassandra: uploaded by a participant, served to the room's people with their
 * sniffed type, refused by their bytes (not their claimed type), by size (declared or streamed), by role and to outsiders.
 */
class ImageApiIntegrationTests extends CassandraApiTestSupport {

    /** A 1x1 PNG, as a browser would upload it. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RoomImages images;

    private String room;

    @BeforeEach
    void room() throws Exception {
        database.whenReady().get(120, TimeUnit.SECONDS);
        room = "img-" + UUID.randomUUID();
        rooms.save(new RoomRecord(room, "images", RoomKind.WORKSHOP, new AccessList("fabio-id", List.of(), List.of("alice"), List.of("paula")),
                RoomRecord.DEFAULT_DOCUMENTS, List.of(), false, Instant.now())).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> upload(String user, String role, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms/" + room + "/images"))
                .header("Authorization", "Bearer " + issuer.token(user, role)).header("Content-Type", contentType)
                .POST(body).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String user, String role) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + issuer.token(user, role)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aParticipantUploadsAnImageThatThePeopleOfTheRoomGetBackFromCassandraWithItsSniffedType() throws Exception {
        // The claimed type is wrong on purpose: what counts is what the bytes are.
        HttpResponse<byte[]> created = upload("alice", "participant", "application/octet-stream", HttpRequest.BodyPublishers.ofByteArray(PNG));

        assertEquals(201, created.statusCode(), text(created));
        JsonNode answer = JSON.readTree(created.body());
        String url = answer.get("url").asString();
        assertTrue(url.matches("/api/rooms/" + room + "/images/[0-9a-f]{64}"), url);
        assertEquals("image/png", answer.get("type").asString());

        HttpResponse<byte[]> served = get(url, "paula", "policymaker");
        assertEquals(200, served.statusCode(), text(served));
        assertArrayEquals(PNG, served.body());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(served.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertTrue(images.find(room, answer.get("id").asString()).toCompletableFuture().get(10, TimeUnit.SECONDS).isPresent(),
                "the image is read back from the store");

        // The same picture again is the same image.
        assertEquals(url, JSON.readTree(upload("alice", "participant", "image/png", HttpRequest.BodyPublishers.ofByteArray(PNG)).body()).get("url").asString());
        assertEquals(403, get(url, "mallory", "participant").statusCode(), "someone not on the access list");
        assertEquals(404, get("/api/rooms/" + room + "/images/" + "0".repeat(64), "alice", "participant").statusCode());
        assertEquals(404, get("/api/rooms/" + room + "/images/not-an-image-id", "alice", "participant").statusCode());
    }

    @Test
    void bytesThatAreNoImageOfOursAreRefusedWhateverTypeTheyClaim() throws Exception {
        for (String body : List.of("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
                "<html><script>alert(1)</script></html>", "")) {
            HttpResponse<byte[]> refused = upload("alice", "participant", "image/png", HttpRequest.BodyPublishers.ofString(body));
            assertEquals(415, refused.statusCode(), body + " -> " + text(refused));
            assertTrue(text(refused).contains("PNG or JPEG"), text(refused));
        }
    }

    @Test
    void anImageOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrStreamed() throws Exception {
        byte[] big = Arrays.copyOf(PNG, ImagesProperties.DEFAULT_MAX_BYTES + 1);

        HttpResponse<byte[]> declared = upload("alice", "participant", "image/png", HttpRequest.BodyPublishers.ofByteArray(big));
        assertEquals(413, declared.statusCode(), text(declared));
        assertTrue(text(declared).contains("4096 KiB"), text(declared));

        HttpResponse<byte[]> streamed = upload("alice", "participant", "image/png",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertEquals(413, streamed.statusCode(), text(streamed));
    }

    @Test
    void observersAndOutsidersCannotUploadAndAnArchivedRoomTakesNoNewImage() throws Exception {
        assertEquals(403, upload("paula", "policymaker", "image/png", HttpRequest.BodyPublishers.ofByteArray(PNG)).statusCode());
        assertEquals(403, upload("mallory", "participant", "image/png", HttpRequest.BodyPublishers.ofByteArray(PNG)).statusCode());
        rooms.save(rooms.find(room).toCompletableFuture().get(10, TimeUnit.SECONDS).archive()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(409, upload("alice", "participant", "image/png", HttpRequest.BodyPublishers.ofByteArray(PNG)).statusCode());
    }
}
