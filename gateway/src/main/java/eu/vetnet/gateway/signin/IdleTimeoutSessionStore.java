package eu.vetnet.gateway.signin;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * Gives every new session the short life of a pending sign-in (it only holds an authorization request until the
 * sign-in completes; SignedInSessionLifetime then gives it the idle timeout), and treats a session that cannot be
 * read as signed out. The stores' own default would be 30 minutes for every session.
 */
final class IdleTimeoutSessionStore implements WebSessionStore {

    private static final Logger log = LoggerFactory.getLogger(IdleTimeoutSessionStore.class);

    private final WebSessionStore delegate;
    private final Duration pendingTimeout;

    IdleTimeoutSessionStore(WebSessionStore delegate, Duration pendingTimeout) {
        this.delegate = delegate;
        this.pendingTimeout = pendingTimeout;
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return delegate.createWebSession().doOnNext(s -> s.setMaxIdleTime(pendingTimeout));
    }

    /**
     * A session in Redis written by another version of the gateway (a class that changed between releases) cannot
     * be deserialized: it is removed and the browser signs in again, instead of every request with its cookie
     * failing.
     */
    @Override
    public Mono<WebSession> retrieveSession(String sessionId) {
        return delegate.retrieveSession(sessionId).onErrorResume(SerializationException.class, e -> {
            log.warn("a session in the store cannot be read (written by another gateway version?); it is removed "
                    + "and its user signs in again: {}", e.toString());
            return delegate.removeSession(sessionId).then(Mono.empty());
        });
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
