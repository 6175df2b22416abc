package eu.vetnet.gateway.signin;

import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import reactor.core.publisher.Mono;

/**
 * A session starts with the short life of a pending sign-in ({@code vetnet.gateway.sign-in.pending-timeout}); the
 * moment its sign-in completes it gets the idle timeout of a signed-in session. Then redirects as Spring Security
 * would.
 */
final class SignedInSessionLifetime implements ServerAuthenticationSuccessHandler {

    private final Duration idleTimeout;
    private final ServerAuthenticationSuccessHandler redirect = new RedirectServerAuthenticationSuccessHandler();

    SignedInSessionLifetime(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return exchange.getExchange().getSession()
                .doOnNext(session -> session.setMaxIdleTime(idleTimeout))
                .then(redirect.onAuthenticationSuccess(exchange, authentication));
    }
}
