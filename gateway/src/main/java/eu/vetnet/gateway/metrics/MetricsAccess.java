package eu.vetnet.gateway.metrics;

import eu.vetnet.gateway.signin.SignedInUsers;
import eu.vetnet.identity.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Metrics for Prometheus (the scrape token as a bearer token) or for a person signed in with the admin role. The
 * metrics name routes, rooms' traffic and the JVM's state: not for everyone who can reach the gateway.
 */
final class MetricsAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final String BEARER = "Bearer ";

    private final byte[] scrapeToken;
    private final SignedInUsers users;

    MetricsAccess(String scrapeToken, SignedInUsers users) {
        this.scrapeToken = scrapeToken == null ? new byte[0] : scrapeToken.strip().getBytes(StandardCharsets.UTF_8);
        this.users = users;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        if (hasScrapeToken(exchange)) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return authentication
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .flatMap(signedIn -> users.of(signedIn, exchange))
                .map(user -> user.hasRole(Role.ADMIN))
                // A session whose tokens the issuer no longer refreshes is no admin any more.
                .onErrorReturn(false)
                .defaultIfEmpty(false)
                .map(AuthorizationDecision::new);
    }

    /** Compared in constant time: the answer must not tell how much of a guessed token was right. */
    private boolean hasScrapeToken(ServerWebExchange exchange) {
        if (scrapeToken.length == 0) {
            return false;
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, scrapeToken);
    }
}
