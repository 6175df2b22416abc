package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.websocket.RelayedSocket;
import eu.vetnet.gateway.websocket.TokenRenewals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps a relayed socket's room server supplied with a valid access token for as long as the socket is open
 * (docs/gateway.md, "Token renewal"). Shortly after the token enters the refresh margin, the session's tokens are
 * refreshed the way a request would refresh them (the same authorized-client manager, so one refresh at a time per
 * session) and the new access token is emitted; a token some request refreshed meanwhile is emitted as well. The
 * session is read from the store each time (another request, or another gateway, may have rotated the refresh token
 * since) and never marked used.
 *
 * <p>The flux completes when the session or its tokens are gone, and fails when the issuer refuses the refresh (a
 * disabled user, a revoked or expired refresh token): either way the sign-in is over.
 */
final class SessionTokenRenewals implements TokenRenewals {

    /** Never wait less than this between two looks at a session's token. */
    static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);
    static final Duration RETRY_DELAY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SessionTokenRenewals.class);

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final StoredSessions sessions;
    private final String registrationId;
    private final Duration refreshBeforeExpiry;
    private final Clock clock;

    SessionTokenRenewals(ReactiveOAuth2AuthorizedClientManager clients, StoredSessions sessions, OidcProperties properties,
            Clock clock) {
        this.clients = clients;
        this.sessions = sessions;
        this.registrationId = properties.getRegistrationId();
        this.refreshBeforeExpiry = properties.getRefreshBeforeExpiry();
        this.clock = clock;
    }

    @Override
    public Flux<String> of(RelayedSocket socket) {
        String relayed = bearer(socket.handshake().getRequest().getHeaders());
        return socket.handshake().getPrincipal()
                .cast(Authentication.class)
                .flatMap(principal -> current(socket, principal).map(token -> new Step(principal, token, relayed)))
                .expand(step -> Mono.delay(waitBefore(step.token().getExpiresAt()))
                        .then(current(socket, step.principal()))
                        .map(token -> new Step(step.principal(), token, step.token().getTokenValue())))
                .filter(Step::changed)
                .map(step -> step.token().getTokenValue());
    }

    /** The session's access token now, refreshed if due; empty when the session or its tokens are gone. */
    private Mono<OAuth2AccessToken> current(RelayedSocket socket, Authentication principal) {
        return sessions.read(socket.sessionId()).flatMap(session -> {
            ServerWebExchange exchange = new ServerWebExchangeDecorator(socket.handshake()) {
                @Override
                public Mono<WebSession> getSession() {
                    return Mono.just(session);
                }
            };
            OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                    .principal(principal)
                    .attribute(ServerWebExchange.class.getName(), exchange)
                    .build();
            return clients.authorize(request)
                    .flatMap(client -> sessions.write(session).thenReturn(client.getAccessToken()));
        }).retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RETRY_DELAY)
                .filter(e -> !endsSignIn(e))
                .doBeforeRetry(retry -> log.warn("could not renew the token of session socket {}, trying again in {}: {}",
                        socket.browser().getId(), RETRY_DELAY, retry.failure().toString())));
    }

    /**
     * The issuer refused the refresh token itself ({@code invalid_grant}: expired, revoked, user disabled, session
     * ended at the issuer): the sign-in is over. Anything else (the issuer or Redis unreachable for a moment) is tried
     * again; if it lasts past the token's expiry the room server closes the socket and the app reconnects.
     */
    static boolean endsSignIn(Throwable e) {
        return e instanceof OAuth2AuthorizationException failure
                && OAuth2ErrorCodes.INVALID_GRANT.equals(failure.getError().getErrorCode());
    }

    /**
     * Until just inside the refresh margin, where the authorized-client manager refreshes. With a margin as long as the
     * token's life (every look refreshes), half the time left instead, so a short-lived token is still renewed twice
     * per lifetime rather than in a loop.
     */
    Duration waitBefore(Instant expiresAt) {
        Instant now = clock.instant();
        if (expiresAt == null) {
            return refreshBeforeExpiry.compareTo(MINIMUM_WAIT) > 0 ? refreshBeforeExpiry : MINIMUM_WAIT;
        }
        Duration untilDue = Duration.between(now, expiresAt.minus(refreshBeforeExpiry)).plus(MINIMUM_WAIT);
        Duration wait = untilDue.isNegative() || untilDue.compareTo(MINIMUM_WAIT) <= 0
                ? Duration.between(now, expiresAt).dividedBy(2)
                : untilDue;
        return wait.compareTo(MINIMUM_WAIT) < 0 ? MINIMUM_WAIT : wait;
    }

    private static String bearer(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return value != null && value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
    }

    /** One look at the session's token; {@code previous} is the token the room server has. */
    private record Step(Authentication principal, OAuth2AccessToken token, String previous) {

        boolean changed() {
            return !token.getTokenValue().equals(previous);
        }
    }
}
