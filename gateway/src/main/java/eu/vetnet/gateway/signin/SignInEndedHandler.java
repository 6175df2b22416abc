package eu.vetnet.gateway.signin;

import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * When the session's tokens can no longer be refreshed (refresh token expired or revoked at the issuer, user
 * disabled), the sign-in is over: the session ends, its sockets close with 4401, and the call gets 401, so that
 * the app signs in again instead of seeing a 500.
 */
final class SignInEndedHandler implements WebExceptionHandler, Ordered {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignInEndedHandler.class);

    private final SignedOutSockets sockets;

    SignInEndedHandler(SignedOutSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!(ex instanceof OAuth2AuthorizationException failure) || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        // Operators want to know why someone was signed out (the issuer's error code, the request that found it).
        log.info("sign-in ended on {} {}: the issuer refused to refresh the token ({}: {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), failure.getError().getErrorCode(), failure.getError().getDescription());
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
        byte[] body = ("signed out: the issuer refused to refresh the session's token (" + failure.getError().getErrorCode()
                + "); sign in again\n").getBytes(StandardCharsets.UTF_8);
        return exchange.getSession()
                .flatMap(session -> sockets.closeEverywhere(session.getId()).then(session.invalidate()))
                .then(response.writeWith(Mono.just(response.bufferFactory().wrap(body))));
    }

    /** Before Spring Boot's error handler (-1). */
    @Override
    public int getOrder() {
        return -2;
    }

}
