package eu.vetnet.gateway.websocket;

import reactor.core.publisher.Flux;

/**
 * The access tokens a relayed socket's room server must receive while the socket is open: each refreshed token of
 * the socket's session, in order (docs/gateway.md, "Token renewal"). The flux completes or fails when the sign-in
 * has ended; it is cancelled when the socket closes.
 */
public interface TokenRenewals {

    Flux<String> of(RelayedSocket socket);
}
