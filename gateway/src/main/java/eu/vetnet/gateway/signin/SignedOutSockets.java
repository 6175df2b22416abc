package eu.vetnet.gateway.signin;

import reactor.core.publisher.Mono;

/**
 * Closes with 4401 ("signed out") the proxied sockets of a sign-in that has ended, on whichever gateway holds
 * them: the sign-out may reach one gateway (a logout, a back-channel logout, a refused refresh) while the
 * browser's sockets run through another.
 */
public interface SignedOutSockets {

    /** Completes once this gateway's sockets of the session are closed and the other gateways are told. */
    Mono<Void> closeEverywhere(String sessionId);
}
