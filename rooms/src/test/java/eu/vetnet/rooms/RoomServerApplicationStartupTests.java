package eu.vetnet.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * The room server as it starts on a fresh machine, with Redis away (a port nothing listens on): presence and live
 * notifications wait for Redis in the background, the server starts and serves all the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.data.redis.port=9")
class RoomServerApplicationStartupTests {

    @Autowired
    Environment environment;

    /** UP once the history store is ready (HistoryHealth): on a fresh Cassandra the schema takes a while. */
    @Test
    void startsAndReportsHealthUpOnceItsHistoryIsReady() throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        HttpResponse<String> response;
        do {
            response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                assertEquals(503, response.statusCode(), response.body());
                Thread.sleep(500);
            }
        } while (response.statusCode() != 200 && System.nanoTime() < deadline);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
    }
}
