package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.redis.GatewayRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * {@link StoredSessions} over Spring Session's Redis repository. {@code findById} does not touch a session (Spring's
 * WebSessionStore would mark it used); after {@code save}, which renews the key's TTL to a whole idle timeout, the
 * TTL is put back to what the session's last real use left it, so a renewal never extends the idle timeout.
 */
final class RedisStoredSessions implements StoredSessions {

    private final ReactiveSessionRepository<Session> repository;
    private final GatewayRedis redis;

    @SuppressWarnings({"unchecked", "rawtypes"})
    RedisStoredSessions(ReactiveSessionRepository<? extends Session> repository, GatewayRedis redis) {
        this.repository = (ReactiveSessionRepository) repository;
        this.redis = redis;
    }

    @Override
    public Mono<WebSession> read(String sessionId) {
        return repository.findById(sessionId).filter(s -> !s.isExpired()).map(View::new);
    }

    @Override
    public Mono<Void> write(WebSession session) {
        Session stored = ((View) session).session;
        Instant idleEnd = stored.getLastAccessedTime().plus(stored.getMaxInactiveInterval());
        return repository.save(stored)
                .then(redis.strings().pexpireat(RedisSessionConfiguration.sessionKey(stored.getId()), idleEnd.toEpochMilli()))
                .then();
    }

    /** Just enough of a WebSession for the OAuth2 authorized-client repository: attributes, read and written through. */
    private static final class View implements WebSession {

        private final Session session;
        private final Map<String, Object> attributes;

        View(Session session) {
            this.session = session;
            this.attributes = new AbstractMap<>() {
                @Override
                public Set<Entry<String, Object>> entrySet() {
                    return session.getAttributeNames().stream()
                            .collect(Collectors.toMap(Function.identity(), session::getAttribute)).entrySet();
                }

                @Override
                public Object get(Object key) {
                    return session.getAttribute((String) key);
                }

                @Override
                public Object put(String key, Object value) {
                    Object old = session.getAttribute(key);
                    session.setAttribute(key, value);
                    return old;
                }

                @Override
                public Object remove(Object key) {
                    Object old = session.getAttribute((String) key);
                    session.removeAttribute((String) key);
                    return old;
                }
            };
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
        }

        @Override
        public boolean isStarted() {
            return true;
        }

        @Override
        public Mono<Void> changeSessionId() {
            return Mono.error(new UnsupportedOperationException("a stored session's id is not changed outside a request"));
        }

        @Override
        public Mono<Void> invalidate() {
            return Mono.error(new UnsupportedOperationException("use the WebSessionStore to end a session"));
        }

        @Override
        public Mono<Void> save() {
            return Mono.empty();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            session.setMaxInactiveInterval(maxIdleTime);
        }

        @Override
        public Duration getMaxIdleTime() {
            return session.getMaxInactiveInterval();
        }
    }
}
