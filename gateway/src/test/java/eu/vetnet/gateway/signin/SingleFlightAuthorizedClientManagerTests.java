package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.core.publisher.Mono;

class SingleFlightAuthorizedClientManagerTests {

    private static final ClientRegistration REGISTRATION = ClientRegistration.withRegistrationId("vetnet")
            .clientId("vetnet-gateway").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://localhost/login/oauth2/code/vetnet").authorizationUri("http://issuer/authorize")
            .tokenUri("http://issuer/token").build();

    /** A delegate whose every authorization is a refresh taking 200 ms; counts how many ran. */
    private static final class SlowRefresh implements ReactiveOAuth2AuthorizedClientManager {
        final AtomicInteger refreshes = new AtomicInteger();

        @Override
        public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
            return Mono.defer(() -> {
                int n = refreshes.incrementAndGet();
                OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-" + n,
                        Instant.now(), Instant.now().plusSeconds(300));
                return Mono.delay(Duration.ofMillis(200)).thenReturn(new OAuth2AuthorizedClient(REGISTRATION, "alice", token));
            });
        }
    }

    private static OAuth2AuthorizeRequest request(WebSession session) {
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/api/me")).session(session).build();
        return OAuth2AuthorizeRequest.withClientRegistrationId("vetnet").principal("alice")
                .attribute(org.springframework.web.server.ServerWebExchange.class.getName(), exchange).build();
    }

    @Test
    void requestsOfOneSessionDuringARefreshShareIt() {
        SlowRefresh delegate = new SlowRefresh();
        SingleFlightAuthorizedClientManager manager = new SingleFlightAuthorizedClientManager(delegate);
        WebSession session = new InMemoryWebSessionStore().createWebSession().block();
        var together = Mono.zip(manager.authorize(request(session)), manager.authorize(request(session)),
                manager.authorize(request(session))).block(Duration.ofSeconds(5));
        assertEquals(1, delegate.refreshes.get(), "one refresh for three concurrent requests of one session");
        assertSame(together.getT1(), together.getT2());
        assertSame(together.getT1(), together.getT3());
        assertEquals(0, manager.inFlight());
        manager.authorize(request(session)).block(Duration.ofSeconds(5));
        assertEquals(2, delegate.refreshes.get(), "a later request is not served a finished flight");
    }

    /** As Spring Cloud Gateway's TokenRelay asks: no exchange attribute, the exchange in the Reactor context only. */
    private static Mono<OAuth2AuthorizedClient> relayed(SingleFlightAuthorizedClientManager manager, WebSession session) {
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/api/rooms/r/images/i")).session(session).build();
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId("vetnet").principal("alice").build();
        return manager.authorize(request).contextWrite(reactor.util.context.Context.of(org.springframework.web.server.ServerWebExchange.class, exchange));
    }

    @Test
    void relayedRequestsWhoseExchangeIsOnlyInTheReactorContextShareTheRefreshToo() {
        SlowRefresh delegate = new SlowRefresh();
        SingleFlightAuthorizedClientManager manager = new SingleFlightAuthorizedClientManager(delegate);
        WebSession session = new InMemoryWebSessionStore().createWebSession().block();

        // Three images loading while a socket renewal (with the attribute) runs: one refresh for all four.
        var together = Mono.zip(relayed(manager, session), relayed(manager, session), relayed(manager, session),
                manager.authorize(request(session))).block(Duration.ofSeconds(5));

        assertEquals(1, delegate.refreshes.get(), "one refresh for the relayed requests and the renewal of one session");
        assertSame(together.getT1(), together.getT4());
    }

    @Test
    void aRequestWithNoExchangeAnywhereGoesStraightThrough() {
        SlowRefresh delegate = new SlowRefresh();
        SingleFlightAuthorizedClientManager manager = new SingleFlightAuthorizedClientManager(delegate);
        OAuth2AuthorizeRequest bare = OAuth2AuthorizeRequest.withClientRegistrationId("vetnet").principal("alice").build();

        Mono.zip(manager.authorize(bare), manager.authorize(bare)).block(Duration.ofSeconds(5));

        assertEquals(2, delegate.refreshes.get());
        assertEquals(0, manager.inFlight());
    }

    @Test
    void differentSessionsRefreshOnTheirOwn() {
        SlowRefresh delegate = new SlowRefresh();
        SingleFlightAuthorizedClientManager manager = new SingleFlightAuthorizedClientManager(delegate);
        InMemoryWebSessionStore store = new InMemoryWebSessionStore();
        WebSession a = store.createWebSession().block();
        WebSession b = store.createWebSession().block();
        Mono.zip(manager.authorize(request(a)), manager.authorize(request(b))).block(Duration.ofSeconds(5));
        assertEquals(2, delegate.refreshes.get());
    }
}
