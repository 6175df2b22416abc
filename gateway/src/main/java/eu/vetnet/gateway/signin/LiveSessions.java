package eu.vetnet.gateway.signin;

import reactor.core.publisher.Mono;

/** Whether a session still exists, without touching it (asking must not keep an idle session alive). */
public interface LiveSessions {

    Mono<Boolean> exists(String sessionId);
}
