package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.redis.GatewayRedis;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * {@link StoredSessions} over Spring Session's Redis layout. {@code findById} does not touch a session (Spring's
 * WebSessionStore would mark it used). A write stores only the attributes that changed, in one script that leaves
 * the key's TTL alone and does nothing if the session has ended meanwhile: a renewal never extends the idle timeout,
 * not even for a moment between two commands, and never brings back a session that was signed out.
 */
final class RedisStoredSessions implements StoredSessions {

    /** Spring Session's name of a session attribute's field in the session hash. */
    static final String ATTRIBUTE_FIELD_PREFIX = "sessionAttr:";

    /** ARGV: the count n of fields to set, n field/value pairs, then the fields to delete. */
    private static final String WRITE_IF_ALIVE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local n = tonumber(ARGV[1])
            for i = 0, n - 1 do redis.call('HSET', KEYS[1], ARGV[2 + 2 * i], ARGV[3 + 2 * i]) end
            for i = 2 + 2 * n, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
            return 1
            """;

    private final ReactiveSessionRepository<Session> repository;
    private final GatewayRedis redis;
    private final RedisSerializer<Object> attributeValues;

    @SuppressWarnings({"unchecked", "rawtypes"})
    RedisStoredSessions(ReactiveSessionRepository<? extends Session> repository, GatewayRedis redis,
            RedisSerializer<Object> attributeValues) {
        this.repository = (ReactiveSessionRepository) repository;
        this.redis = redis;
        this.attributeValues = attributeValues;
    }

    @Override
    public Mono<WebSession> read(String sessionId) {
        return repository.findById(sessionId).filter(s -> !s.isExpired()).map(View::new);
    }

    @Override
    public Mono<Void> write(WebSession session) {
        View view = (View) session;
        if (view.changed.isEmpty()) {
            return Mono.empty();
        }
        List<byte[]> set = new ArrayList<>();
        List<byte[]> deleted = new ArrayList<>();
        for (String name : view.changed) {
            byte[] field = (ATTRIBUTE_FIELD_PREFIX + name).getBytes(StandardCharsets.UTF_8);
            Object value = view.session.getAttribute(name);
            if (value == null) {
                deleted.add(field);
            } else {
                set.add(field);
                set.add(attributeValues.serialize(value));
            }
        }
        List<byte[]> args = new ArrayList<>();
        args.add(Integer.toString(set.size() / 2).getBytes(StandardCharsets.US_ASCII));
        args.addAll(set);
        args.addAll(deleted);
        return redis.bytes().<Long>eval(WRITE_IF_ALIVE, ScriptOutputType.INTEGER,
                        new String[] {RedisSessionConfiguration.sessionKey(view.getId())}, args.toArray(byte[][]::new))
                .doOnNext(written -> view.changed.clear())
                .then();
    }

    /** Just enough of a WebSession for the OAuth2 authorized-client repository: attributes, read and written through. */
    private static final class View implements WebSession {

        private final Session session;
        private final Map<String, Object> attributes;
        private final Set<String> changed = new LinkedHashSet<>();

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
                    changed.add(key);
                    return old;
                }

                @Override
                public Object remove(Object key) {
                    Object old = session.getAttribute((String) key);
                    session.removeAttribute((String) key);
                    changed.add((String) key);
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
