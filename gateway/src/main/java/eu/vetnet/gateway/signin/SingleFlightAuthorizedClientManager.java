package eu.vetnet.gateway.signin;

import java.util.Map;
import java.util.Optional;
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
 *
 * <p>The exchange is the request's attribute when the caller sets it (/api/me, socket renewals) and otherwise the one
 * in the Reactor context, where WebFlux security puts it: Spring Cloud Gateway's TokenRelay, which relays every
 * /api and /ws request, builds its requests without the attribute. Reading only the attribute let those requests
 * past the single flight, so a page loading three images while a token was due refreshed three times with one
 * refresh token and the sign-in ended (docs/gateway.md, "Sessions").
 */
final class SingleFlightAuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

    private final ReactiveOAuth2AuthorizedClientManager delegate;
    private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

    SingleFlightAuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
        return exchangeOf(request).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(exchange -> exchange.isEmpty()
                ? delegate.authorize(request)
                : exchange.get().getSession().map(WebSession::getId).flatMap(session -> flight(session, request)));
    }

    /** The request's exchange: its attribute, else the Reactor context's (set by WebFlux security for every request). */
    private static Mono<ServerWebExchange> exchangeOf(OAuth2AuthorizeRequest request) {
        ServerWebExchange given = request.getAttribute(ServerWebExchange.class.getName());
        return given != null ? Mono.just(given)
                : Mono.deferContextual(context -> Mono.justOrEmpty(context.getOrEmpty(ServerWebExchange.class)));
    }

    private Mono<OAuth2AuthorizedClient> flight(String session, OAuth2AuthorizeRequest request) {
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
    }

    /** Sessions with an authorization in flight right now; for tests. */
    int inFlight() {
        return inFlight.size();
    }
}
