package eu.vetnet.gateway.signin;

import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The OIDC sessions (issuer session to gateway session; in memory or in Redis), ending a session everywhere when
 * the issuer's back-channel logout names it: the session leaves the store (so no gateway serves it again) and its
 * proxied sockets close with 4401 on whichever gateway holds them.
 *
 * <p>Spring Security then also posts its internal logout request for each session to this gateway, which runs the
 * usual logout handlers on a session that is already gone; ending it here first means the sign-out holds even if
 * that internal request cannot reach us (a proxy in front rewriting the host, say).
 */
final class SocketClosingSessionRegistry implements ReactiveOidcSessionRegistry {

    private final ReactiveOidcSessionRegistry delegate;
    private final WebSessionStore sessions;
    private final SignedOutSockets sockets;

    SocketClosingSessionRegistry(ReactiveOidcSessionRegistry delegate, WebSessionStore sessions, SignedOutSockets sockets) {
        this.delegate = delegate;
        this.sessions = sessions;
        this.sockets = sockets;
    }

    @Override
    public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
        return delegate.saveSessionInformation(info);
    }

    @Override
    public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
        return delegate.removeSessionInformation(clientSessionId);
    }

    @Override
    public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken logoutToken) {
        return delegate.removeSessionInformation(logoutToken)
                .concatMap(info -> sessions.removeSession(info.getSessionId())
                        .then(sockets.closeEverywhere(info.getSessionId()))
                        .thenReturn(info));
    }
}
