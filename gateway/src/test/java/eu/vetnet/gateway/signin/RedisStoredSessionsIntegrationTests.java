package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.redis.GatewayRedis;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.web.server.WebSession;

/**
 * A token renewal writes a session outside any request (RedisStoredSessions), in the launcher's real Redis: what it
 * changed is read back by Spring Session as another gateway would, the key's TTL is never raised, and a session that
 * ended meanwhile stays ended.
 */
class RedisStoredSessionsIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private GatewayRedis redis;
    private LettuceConnectionFactory connections;
    private ReactiveSessionRepository<Session> repository;
    private RedisStoredSessions sessions;

    @BeforeEach
    @SuppressWarnings({"unchecked", "rawtypes"})
    void connect() {
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        redis = new GatewayRedis(URI.create("redis://" + address.host() + ":" + address.port()));
        RedisSessionConfiguration configuration = new RedisSessionConfiguration();
        connections = configuration.sessionRedisConnectionFactory(redis);
        connections.afterPropertiesSet();
        connections.start();
        SessionProperties properties = new SessionProperties();
        properties.setIdleTimeout(Duration.ofMinutes(10));
        ReactiveRedisSessionRepository springSessions = configuration.sessionRepository(connections, properties);
        repository = (ReactiveSessionRepository) springSessions;
        sessions = (RedisStoredSessions) configuration.storedSessions(springSessions, redis);
    }

    @AfterEach
    void close() {
        connections.destroy();
        redis.close();
    }

    private String storedSession() {
        Session session = repository.createSession().block(TIMEOUT);
        session.setAttribute("token", "first");
        session.setAttribute("pending", "an authorization request");
        repository.save(session).block(TIMEOUT);
        return session.getId();
    }

    @Test
    void aWriteStoresWhatChangedAndLeavesTheIdleTimeAsItWas() {
        String id = storedSession();
        String key = RedisSessionConfiguration.sessionKey(id);
        redis.strings().pexpire(key, 60_000).block(TIMEOUT); // the session's last use left it a minute

        WebSession session = sessions.read(id).block(TIMEOUT);
        session.getAttributes().put("token", "renewed");
        session.getAttributes().remove("pending");
        sessions.write(session).block(TIMEOUT);

        long ttl = redis.strings().pttl(key).block(TIMEOUT);
        assertTrue(ttl > 0 && ttl <= 60_000, "the TTL after the write: " + ttl + " ms");
        Session stored = repository.findById(id).block(TIMEOUT);
        assertEquals("renewed", stored.getAttribute("token"));
        assertNull(stored.getAttribute("pending"));
        assertFalse(redis.strings().hexists(key, RedisStoredSessions.ATTRIBUTE_FIELD_PREFIX + "pending").block(TIMEOUT));
    }

    @Test
    void aSessionThatEndedDuringARenewalIsNotBroughtBack() {
        String id = storedSession();
        WebSession session = sessions.read(id).block(TIMEOUT);
        repository.deleteById(id).block(TIMEOUT); // signed out on another gateway while the issuer answered

        session.getAttributes().put("token", "renewed");
        sessions.write(session).block(TIMEOUT);

        assertEquals(0L, redis.strings().exists(RedisSessionConfiguration.sessionKey(id)).block(TIMEOUT));
        assertNull(repository.findById(id).block(TIMEOUT));
    }
}
