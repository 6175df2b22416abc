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

    /**
     * An issuer that rotates refresh tokens, behind a delegate that keeps tokens in the session (as the gateway's):
     * it refreshes with the refresh token the session holds and refuses any but the newest.
     */
    private static final class RotatingIssuer implements ReactiveOAuth2AuthorizedClientManager {
        final org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository repository =
                new org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository();
        final AtomicInteger issued = new AtomicInteger();
        volatile String valid = "refresh-0";

        OAuth2AuthorizedClient client(int n) {
            OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-" + n,
                    Instant.now().plusMillis(n), Instant.now().plusSeconds(15));
            return new OAuth2AuthorizedClient(REGISTRATION, "alice", token,
                    new org.springframework.security.oauth2.core.OAuth2RefreshToken("refresh-" + n, Instant.now()));
        }

        @Override
        public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
            var exchange = (org.springframework.web.server.ServerWebExchange) request.getAttribute(
                    org.springframework.web.server.ServerWebExchange.class.getName());
            return repository.<OAuth2AuthorizedClient>loadAuthorizedClient("vetnet", request.getPrincipal(), exchange).flatMap(held -> {
                if (!held.getRefreshToken().getTokenValue().equals(valid)) {
                    return Mono.error(new org.springframework.security.oauth2.core.OAuth2AuthorizationException(
                            new org.springframework.security.oauth2.core.OAuth2Error("invalid_grant")));
                }
                OAuth2AuthorizedClient next = client(issued.incrementAndGet());
                valid = next.getRefreshToken().getTokenValue();
                return repository.saveAuthorizedClient(next, request.getPrincipal(), exchange).thenReturn(next);
            });
        }
    }

    @Test
    void aRequestHoldingAnOlderCopyOfTheSessionRefreshesWithTheNewestTokensNotTheRotatedOnes() {
        RotatingIssuer issuer = new RotatingIssuer();
        SingleFlightAuthorizedClientManager manager = new SingleFlightAuthorizedClientManager(issuer, issuer.repository);
        WebSession session = new InMemoryWebSessionStore().createWebSession().block();
        OAuth2AuthorizeRequest first = request(session);
        var principal = first.getPrincipal();
        var exchange = (org.springframework.web.server.ServerWebExchange) first.getAttribute(
                org.springframework.web.server.ServerWebExchange.class.getName());
        OAuth2AuthorizedClient signedIn = issuer.client(0);
        issuer.repository.saveAuthorizedClient(signedIn, principal, exchange).block();

        OAuth2AuthorizedClient renewed = manager.authorize(first).block(Duration.ofSeconds(5));
        assertEquals("refresh-1", renewed.getRefreshToken().getTokenValue());
        // A request that read the session before that refresh finished: its copy still holds the signed-in tokens.
        issuer.repository.saveAuthorizedClient(signedIn, principal, exchange).block();
        OAuth2AuthorizedClient next = manager.authorize(request(session)).block(Duration.ofSeconds(5));
        assertEquals("refresh-2", next.getRefreshToken().getTokenValue(), "refreshed with the newest refresh token, not refused");

        // Without the catching up, the same sequence ends the sign-in: the check can fail.
        RotatingIssuer plain = new RotatingIssuer();
        SingleFlightAuthorizedClientManager without = new SingleFlightAuthorizedClientManager(plain);
        WebSession other = new InMemoryWebSessionStore().createWebSession().block();
        OAuth2AuthorizeRequest r1 = request(other);
        var ex1 = (org.springframework.web.server.ServerWebExchange) r1.getAttribute(org.springframework.web.server.ServerWebExchange.class.getName());
        plain.repository.saveAuthorizedClient(plain.client(0), r1.getPrincipal(), ex1).block();
        without.authorize(r1).block(Duration.ofSeconds(5));
        plain.repository.saveAuthorizedClient(plain.client(0), r1.getPrincipal(), ex1).block();
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.security.oauth2.core.OAuth2AuthorizationException.class,
                () -> without.authorize(request(other)).block(Duration.ofSeconds(5)));
    }
}
