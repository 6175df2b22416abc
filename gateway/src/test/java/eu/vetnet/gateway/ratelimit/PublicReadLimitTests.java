package eu.vetnet.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.GatewayTestProperties;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The public pages (the library's and communities' public face, docs/gateway.md): a visitor who reads as fast as a
 * script can gets 429 past their budget, and another reader, from another address, is served meanwhile.
 */
@GatewayTest
class PublicReadLimitTests {

    private static final int FLOOD = 600;

    @Test
    void aVisitorReadingTheLibraryFasterThanTheBudgetGets429AndAnotherReaderIsServed() {
        // From 127.0.0.3: an address of its own (the other tests read from 127.0.0.1, SignInStartFloodTests from .2).
        flood("127.0.0.3", "/api/public/library/search?q=");
        assertEquals(200, status(HttpClient.create(), "/practices/some-practice"), "a reader from another address is served");
    }

    @Test
    void theRoomServersPublishedFollowUpIsLimitedTheSameWay() {
        flood("127.0.0.4", "/api/public/proposals/p-");
    }

    /** Reads {@code path + i} from {@code address} as fast as 16 at a time allow; at most the budget is served. */
    private static void flood(String address, String path) {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        HttpClient flooder = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        long started = System.nanoTime();
        Flux.range(0, FLOOD)
                .flatMap(i -> flooder.get().uri(TestIssuer.GATEWAY + path + i)
                        .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                        .timeout(Duration.ofSeconds(15)), 16)
                .doOnNext(code -> statuses.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet())
                .blockLast(Duration.ofMinutes(2));
        double seconds = (System.nanoTime() - started) / 1e9;
        int served = statuses.getOrDefault(200, new AtomicInteger()).get();
        int refused = statuses.getOrDefault(429, new AtomicInteger()).get();
        long budget = GatewayTestProperties.PUBLIC_BURST + Math.round(Math.ceil(seconds) * GatewayTestProperties.PUBLIC_READS_PER_SECOND);
        System.out.printf("public reads of %s: %d in %.1f s from one address: %d served (budget %d), %d refused with 429%n",
                path, FLOOD, seconds, served, budget, refused);

        assertEquals(FLOOD, served + refused, "every read is served or refused: " + statuses);
        assertTrue(served <= budget, served + " served, budget " + budget);
        assertTrue(refused > 0, "a flood is refused in part");
    }

    private static int status(HttpClient client, String path) {
        return client.get().uri(TestIssuer.GATEWAY + path)
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code()))).block(Duration.ofSeconds(15));
    }
}
