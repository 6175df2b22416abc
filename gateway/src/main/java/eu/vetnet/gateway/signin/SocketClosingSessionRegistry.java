package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.websocket.ProxiedSockets;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.InMemoryReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The OIDC sessions (issuer session id to gateway session), closing a session's proxied sockets when the issuer's
 * back-channel logout ends it.
 */
final class SocketClosingSessionRegistry implements ReactiveOidcSessionRegistry {

    private final ReactiveOidcSessionRegistry delegate = new InMemoryReactiveOidcSessionRegistry();
    private final ProxiedSockets sockets;

    SocketClosingSessionRegistry(ProxiedSockets sockets) {
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
                .concatMap(info -> sockets.closeAll(info.getSessionId(), ProxiedSockets.SIGNED_OUT).thenReturn(info));
    }
}
