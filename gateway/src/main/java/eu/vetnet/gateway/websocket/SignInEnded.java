package eu.vetnet.gateway.websocket;

import reactor.core.publisher.Mono;

/** What happens to a relayed socket whose sign-in ended while it was open (docs/gateway.md, "Token renewal"). */
@FunctionalInterface
public interface SignInEnded {

    /** @param cause the issuer's refusal to refresh, or null when the session or its tokens are simply gone */
    Mono<Void> ended(RelayedSocket socket, Throwable cause);
}
