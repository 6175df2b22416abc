package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.GatewayTestProperties;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Starting sign-ins from one address as fast as a script can (docs/gateway.md, "Sign-in starts"): the address gets
 * 429 past its budget, the session store grows by no more than the budget, the sessions it did create end after the
 * pending-sign-in timeout rather than the 12 h idle timeout, and a real person signs in meanwhile.
 */
@GatewayTest
class SignInStartFloodTests {

    private static final int FLOOD = 2_000;
    /** A request that got no answer (an error or no response within 15 s). */
    private static final int NO_ANSWER = -1;

    @Autowired
    InMemoryWebSessionStore sessions;

    @Autowired
    SignInStartProperties signIn;

    @Test
    void aFloodOfSignInStartsFromOneAddressIsBoundedAndLocksNobodyOut() {
        Map<String, WebSession> before = Map.copyOf(sessions.getSessions());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        // From 127.0.0.2: another address than the tests' (and the real person's) 127.0.0.1.
        // A new connection per request, as a script hammering from one address would open (no client pool in between).
        HttpClient flooder = HttpClient.newConnection().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0))
                .followRedirect(false);
        long started = System.nanoTime();
        Flux.range(0, FLOOD)
                .flatMap(i -> flooder.get().uri(TestIssuer.GATEWAY + "/oauth2/authorization/vetnet")
                        .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                        .timeout(Duration.ofSeconds(15))
                        .onErrorReturn(NO_ANSWER), 16)
                .doOnNext(code -> statuses.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet())
                .blockLast(Duration.ofMinutes(3));
        double seconds = (System.nanoTime() - started) / 1e9;

        int started302 = statuses.getOrDefault(302, new AtomicInteger()).get();
        int refused = statuses.getOrDefault(429, new AtomicInteger()).get();
        long budget = GatewayTestProperties.SIGN_IN_BURST + Math.round(Math.ceil(seconds) * GatewayTestProperties.SIGN_IN_STARTS_PER_MINUTE / 60.0);
        long created = sessions.getSessions().keySet().stream().filter(id -> !before.containsKey(id)).count();
        System.out.printf("sign-in flood: %d starts in %.1f s from one address: %d started (budget %d), %d refused with 429, "
                + "%d new sessions%n", FLOOD, seconds, started302, budget, refused, created);

        assertEquals(0, statuses.getOrDefault(NO_ANSWER, new AtomicInteger()).get(), "every start is answered: " + statuses);
        assertEquals(FLOOD, started302 + refused, "every start is either begun or refused: " + statuses);
        assertTrue(started302 <= budget, started302 + " started, budget " + budget);
        assertTrue(created <= started302 + 5, "the store grew by " + created + " for " + started302 + " starts");
        sessions.getSessions().values().stream().filter(s -> !before.containsKey(s.getId()))
                .filter(s -> s.getAttributes().keySet().stream().noneMatch(k -> k.contains("SECURITY_CONTEXT")))
                .forEach(s -> assertEquals(signIn.getPendingTimeout(), s.getMaxIdleTime(), "a pending sign-in's session is short-lived"));

        GatewayBrowser person = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));
        try {
            person.signIn("alice", "alice-pass");
        } catch (Exception e) {
            throw new AssertionError("a real person could not sign in during the flood", e);
        }
        WebSession signedIn = sessions.getSessions().get(person.cookie("SESSION").orElseThrow());
        assertEquals(Duration.ofHours(12), signedIn.getMaxIdleTime(), "a signed-in session has the idle timeout");
    }
}
