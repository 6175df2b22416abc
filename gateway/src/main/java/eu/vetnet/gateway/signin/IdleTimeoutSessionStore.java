package eu.vetnet.gateway.signin;

import java.time.Duration;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/** Gives every new session the configured idle timeout (the in-memory store's default is 30 minutes). */
final class IdleTimeoutSessionStore implements WebSessionStore {

    private final WebSessionStore delegate;
    private final Duration idleTimeout;

    IdleTimeoutSessionStore(WebSessionStore delegate, Duration idleTimeout) {
        this.delegate = delegate;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return delegate.createWebSession().doOnNext(s -> s.setMaxIdleTime(idleTimeout));
    }

    @Override
    public Mono<WebSession> retrieveSession(String sessionId) {
        return delegate.retrieveSession(sessionId);
    }

    @Override
    public Mono<Void> removeSession(String sessionId) {
        return delegate.removeSession(sessionId);
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
        return delegate.updateLastAccessTime(webSession);
    }
}
