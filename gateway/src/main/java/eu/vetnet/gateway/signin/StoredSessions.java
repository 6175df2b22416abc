package eu.vetnet.gateway.signin;

import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Sessions read and written outside a request, for renewing the token of a socket that outlives its handshake
 * ({@link SessionTokenRenewals}). Neither call marks the session used: a socket's frames and its token renewals are
 * no use of the session, so the idle timeout still ends a session whose browser only keeps a socket open
 * (docs/gateway.md, "Token renewal").
 */
interface StoredSessions {

    /** The session as it is stored now; empty when it has ended. */
    Mono<WebSession> read(String sessionId);

    /** Stores what changed in a session {@link #read} returned (a refreshed authorized client). */
    Mono<Void> write(WebSession session);
}
