package eu.vetnet.gateway.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** Which requests get the app's index.html: page loads of its routes, nothing else. */
class AppRoutesWebFilterTests {

    private static String pathSeenAfter(MockServerHttpRequest request) {
        AtomicReference<String> seen = new AtomicReference<>();
        new AppRoutesWebFilter().filter(MockServerWebExchange.from(request), exchange -> {
            seen.set(exchange.getRequest().getPath().value());
            return Mono.empty();
        }).block();
        return seen.get();
    }

    @Test
    void aRoomLinkOrAReloadGetsTheApp() {
        assertEquals("/index.html", pathSeenAfter(MockServerHttpRequest.get("/rooms/r-42").build()));
        assertEquals("/index.html", pathSeenAfter(MockServerHttpRequest.get("/rooms/r-42/").build()));
        assertEquals("/index.html", pathSeenAfter(MockServerHttpRequest.head("/rooms/r-42?x=1").build()));
        assertEquals("/index.html", pathSeenAfter(MockServerHttpRequest.get("/rooms/r-42/history").build()));
        assertEquals("/index.html", pathSeenAfter(MockServerHttpRequest.get("/admin").build()));
        assertEquals("/index.html", pathSeenAfter(MockServerHttpRequest.get("/track/p-7").build()));
        for (String library : new String[] {"/library", "/library/", "/library/mine", "/library/new", "/library/practices/3f2a", "/library/practices/3f2a/edit",
                "/counselling", "/counselling/8c1e", "/people", "/profile", "/notifications", "/organisations", "/organisations/northfield-vet-college", "/communities", "/communities/carpentry-1a2b",
                "/communities/carpentry-1a2b/threads/9f", "/learning", "/learning/programmes/5b1c", "/learning/editions/77aa", "/verify", "/published", "/published/enu8hudqg2ztj4bw"}) {
            assertEquals("/index.html", pathSeenAfter(MockServerHttpRequest.get(library).build()), library);
        }
    }

    @Test
    void apiSocketsFilesAndWritesAreLeftAlone() {
        for (String path : new String[] {"/api/rooms/r-42", "/ws/rooms/r-42", "/rooms/r-42/board", "/assets/index-abc.js", "/", "/rooms", "/admin/x", "/administrator", "/track", "/track/p-7/x", "/practices/mentor-pool-3f2a", "/library/other", "/library/practices/x/delete", "/feeds/library.atom",
                "/counselling/8c1e/x", "/profiles", "/people/x", "/c/carpentry-1a2b", "/communities/x/members", "/learning/x", "/learning/programmes/5b1c/x", "/verify/x", "/published/x/files"}) {
            assertEquals(path, pathSeenAfter(MockServerHttpRequest.get(path).build()), path);
        }
        assertEquals("/rooms/r-42", pathSeenAfter(MockServerHttpRequest.post("/rooms/r-42").build()));
    }
}
