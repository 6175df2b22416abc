package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.redis.ConditionalOnMemoryStore;
import eu.vetnet.gateway.websocket.ProxiedSockets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.server.session.InMemoryReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.core.publisher.Mono;

/** One gateway (the default, the embedded run): sessions and the OIDC session links in this JVM. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMemoryStore
class InMemorySessionConfiguration {

    @Bean
    InMemoryWebSessionStore webSessionStore() {
        InMemoryWebSessionStore store = new InMemoryWebSessionStore();
        store.setMaxSessions(100_000);
        return store;
    }

    /** Reads the session map: retrieveSession() would mark the session used and so keep it alive forever. */
    @Bean
    LiveSessions liveSessions(InMemoryWebSessionStore store) {
        return id -> Mono.fromSupplier(() -> {
            WebSession session = store.getSessions().get(id);
            return session != null && !session.isExpired();
        });
    }

    /** The live session objects themselves: what a renewal changes in one is stored by that. */
    @Bean
    StoredSessions storedSessions(InMemoryWebSessionStore store) {
        return new StoredSessions() {
            @Override
            public Mono<WebSession> read(String sessionId) {
                return Mono.justOrEmpty(store.getSessions().get(sessionId)).filter(session -> !session.isExpired());
            }

            @Override
            public Mono<Void> write(WebSession session) {
                return Mono.empty();
            }
        };
    }

    /** With one gateway, its own sockets are all there are. */
    @Bean
    SignedOutSockets signedOutSockets(ProxiedSockets sockets) {
        return id -> sockets.closeAll(id, ProxiedSockets.SIGNED_OUT);
    }

    @Bean
    ReactiveOidcSessionRegistry oidcSessionRegistry(InMemoryWebSessionStore store, SignedOutSockets sockets) {
        return new SocketClosingSessionRegistry(new InMemoryReactiveOidcSessionRegistry(), store, sockets);
    }
}
