package eu.vetnet.gateway.signin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * One token refresh at a time per session. A browser often sends several requests at once (the lobby loads the
 * user, the rooms and a socket together); when the access token is due, each would refresh it with the same
 * refresh token, and an issuer that rotates refresh tokens (the built-in one does) refuses all but the first,
 * which ends the session. Here the requests of one session that arrive while a refresh is in flight wait for it
 * and share its result. Requests without a session (none in this gateway) go straight through.
 *
 * <p>A request that started before a refresh finished carries a copy of the session read before it: the old tokens.
 * Once the access token is due again, it would refresh with the old refresh token, which the issuer already rotated,
 * and end the sign-in (seen with a page polling every 5 s while the room socket renewed its token). So the newest
 * tokens a flight of this gateway obtained for a session are put into any older copy of that session first.
 */
final class SingleFlightAuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

    /** Past this many sessions the newest-token memory starts over (a later stale copy then refreshes as before). */
    private static final int MAX_REMEMBERED = 50_000;

    private final ReactiveOAuth2AuthorizedClientManager delegate;
    private final ServerOAuth2AuthorizedClientRepository sessions;
    private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, OAuth2AuthorizedClient> newest = new ConcurrentHashMap<>();

    SingleFlightAuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate) {
        this(delegate, null);
    }

    /** {@code sessions}: where the delegate keeps each session's tokens; null: no catching up of stale copies. */
    SingleFlightAuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate, ServerOAuth2AuthorizedClientRepository sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
        ServerWebExchange exchange = request.getAttribute(ServerWebExchange.class.getName());
        if (exchange == null) {
            return delegate.authorize(request);
        }
        return exchange.getSession().map(WebSession::getId).flatMap(session -> {
            String key = session + '\u0000' + request.getClientRegistrationId();
            return held(request, exchange).flatMap(copy -> catchUp(key, request, exchange, copy.orElse(null))
                    .then(Mono.defer(() -> flight(key, request, copy.orElse(null)))));
        });
    }

    /** The tokens in the request's copy of the session, if the repository is known and holds any. */
    private Mono<java.util.Optional<OAuth2AuthorizedClient>> held(OAuth2AuthorizeRequest request, ServerWebExchange exchange) {
        if (sessions == null) {
            return Mono.just(java.util.Optional.empty());
        }
        return sessions.<OAuth2AuthorizedClient>loadAuthorizedClient(request.getClientRegistrationId(), request.getPrincipal(), exchange)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
    }

    /**
     * The flight leaves the map before its result reaches anyone (doOnTerminate, not doFinally): a request that
     * arrives once the result is out starts a flight of its own. Removed only if it is still this one.
     */
    private Mono<OAuth2AuthorizedClient> flight(String key, OAuth2AuthorizeRequest request, OAuth2AuthorizedClient before) {
        return inFlight.computeIfAbsent(key, k -> {
            AtomicReference<Mono<OAuth2AuthorizedClient>> self = new AtomicReference<>();
            Mono<OAuth2AuthorizedClient> flight = delegate.authorize(request)
                    // Only tokens this flight obtained (a refresh) are remembered, not ones it merely read.
                    .doOnNext(client -> {
                        if (before != null && !client.getAccessToken().getTokenValue().equals(before.getAccessToken().getTokenValue())) {
                            remember(k, client);
                        }
                    })
                    .doOnError(e -> newest.remove(k))
                    .doOnTerminate(() -> inFlight.remove(k, self.get()))
                    .doOnCancel(() -> inFlight.remove(k, self.get()))
                    .cache();
            self.set(flight);
            return flight;
        });
    }

    /** Puts the newest tokens known for this session into the request's copy of it, when that copy holds older ones. */
    private Mono<Void> catchUp(String key, OAuth2AuthorizeRequest request, ServerWebExchange exchange, OAuth2AuthorizedClient copy) {
        OAuth2AuthorizedClient known = newest.get(key);
        if (sessions == null || known == null || copy == null || !olderThan(copy, known)) {
            return Mono.empty();
        }
        return sessions.saveAuthorizedClient(known, request.getPrincipal(), exchange);
    }

    private static boolean olderThan(OAuth2AuthorizedClient copy, OAuth2AuthorizedClient known) {
        var a = copy.getAccessToken().getIssuedAt();
        var b = known.getAccessToken().getIssuedAt();
        return a != null && b != null && a.isBefore(b);
    }

    private void remember(String key, OAuth2AuthorizedClient client) {
        if (newest.size() >= MAX_REMEMBERED) {
            newest.clear();
        }
        newest.merge(key, client, (old, now) -> olderThan(old, now) ? now : old);
    }

    /** Sessions with an authorization in flight right now; for tests. */
    int inFlight() {
        return inFlight.size();
    }
}
