package eu.vetnet.gateway.signin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * One token refresh at a time per session. A browser often sends several requests at once (the lobby loads the
 * user, the rooms and a socket together); when the access token is due, each would refresh it with the same
 * refresh token, and an issuer that rotates refresh tokens (the built-in one does) refuses all but the first,
 * which ends the session. Here the requests of one session that arrive while a refresh is in flight wait for it
 * and share its result. Requests without a session (none in this gateway) go straight through.
 */
final class SingleFlightAuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

    private final ReactiveOAuth2AuthorizedClientManager delegate;
    private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

    SingleFlightAuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
        ServerWebExchange exchange = request.getAttribute(ServerWebExchange.class.getName());
        if (exchange == null) {
            return delegate.authorize(request);
        }
        return exchange.getSession().map(WebSession::getId).flatMap(session -> {
            String key = session + '\u0000' + request.getClientRegistrationId();
            // The flight leaves the map before its result reaches anyone (doOnTerminate, not doFinally): a request
            // that arrives once the result is out starts a flight of its own. Removed only if it is still this one.
            return inFlight.computeIfAbsent(key, k -> {
                AtomicReference<Mono<OAuth2AuthorizedClient>> self = new AtomicReference<>();
                Mono<OAuth2AuthorizedClient> flight = delegate.authorize(request)
                        .doOnTerminate(() -> inFlight.remove(k, self.get()))
                        .doOnCancel(() -> inFlight.remove(k, self.get()))
                        .cache();
                self.set(flight);
                return flight;
            });
        });
    }

    /** Sessions with an authorization in flight right now; for tests. */
    int inFlight() {
        return inFlight.size();
    }
}
