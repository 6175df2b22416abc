package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.identity.web.KeepAliveReads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A client that sends its next request as soon as it has its answer, on the same kept-alive HTTP/1.1 connection (as
 * browsers and the gateway do), is answered every time (docs/operations.md "HTTP keep-alive"). Without
 * {@link KeepAliveReads} about 1 in 600 such requests to a WebFlux handler on Reactor Netty 1.3.6 was never answered,
 * and now and then a test's request to this room server waited 60 s for nothing.
 */
class KeepAliveIntegrationTests extends RoomsIntegrationTestSupport {

    private static final int REQUESTS = 5_000;
    private static final int REQUESTS_TO_THE_ROOM_SERVER = 2_000;
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    @Test
    void theServerFinishesAnExchangeAsItsLastBytesGoOut() {
        assertEquals("true", System.getProperty(KeepAliveReads.PROPERTY), "set before the server started");
    }

    @Test
    void everyRequestToTheRoomServerOnAKeptAliveConnectionIsAnswered() {
        String room = room();
        String fabio = fabio();
        String bob = bob();
        // Read, refused before the body is read, refused after a store was asked, not found, not signed in.
        List<HttpRequest> kinds = List.of(
                request(httpUrl() + "/api/rooms/" + room, fabio, null),
                request(httpUrl() + "/api/rooms/" + room + "/statements/submissions/nobody", bob, "{\"approve\": true}"),
                request(httpUrl() + "/api/rooms/" + room + "/access", bob, null),
                request(httpUrl() + "/api/rooms/no-such-room", fabio, null),
                request(httpUrl() + "/api/rooms", null, "{}"));
        assertEquals(List.of(), unanswered(kinds, REQUESTS_TO_THE_ROOM_SERVER), "requests left unanswered for " + PATIENCE.toSeconds() + " s");
    }

    @Test
    void everyRequestToABareWebFluxHandlerOnAKeptAliveConnectionIsAnswered() {
        // The three kinds of answer that were seen left unsent: after reading the body, before reading it, and after
        // waiting on something else. With the setting off, 8 of 5,000 of these were.
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .POST("/read", r -> r.bodyToMono(String.class).flatMap(b -> ServerResponse.ok().bodyValue("read " + b.length())))
                .POST("/refuse", r -> ServerResponse.status(403).bodyValue("refused"))
                .POST("/wait", r -> r.bodyToMono(String.class).delayElement(Duration.ofMillis(1))
                        .flatMap(b -> ServerResponse.ok().bodyValue("waited")))
                .build();
        DisposableServer bare = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes))).bindNow(Duration.ofSeconds(10));
        try {
            String base = "http://127.0.0.1:" + bare.port();
            List<HttpRequest> kinds = List.of(request(base + "/read", null, "{\"n\": 1}"),
                    request(base + "/refuse", null, "{\"n\": 2}"), request(base + "/wait", null, "{\"n\": 3}"));
            assertEquals(List.of(), unanswered(kinds, REQUESTS), "requests left unanswered for " + PATIENCE.toSeconds() + " s");
        } finally {
            bare.disposeNow();
        }
    }

    /** {@code count} of these, picked at random, one after the other on one connection: those never answered. */
    private static List<String> unanswered(List<HttpRequest> kinds, int count) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(42);
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest r = kinds.get(random.nextInt(kinds.size()));
            try {
                int status = http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
                assertTrue(status < 500, r + " answered " + status);
            } catch (HttpTimeoutException e) {
                unanswered.add("#" + i + " " + r.method() + " " + r.uri().getPath());
            } catch (Exception e) {
                throw new AssertionError(r + " failed", e);
            }
        }
        return unanswered;
    }

    private static HttpRequest request(String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return json == null ? b.GET().build()
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
