package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.redis.ConditionalOnRedisStore;
import eu.vetnet.gateway.redis.GatewayRedis;
import eu.vetnet.gateway.websocket.ProxiedSockets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.session.WebSessionStore;

/**
 * Several gateways (VETNET_SESSION_STORE=redis): sessions in Redis through Spring Session, so that a browser signed
 * in on one gateway is signed in on all. A session is the hash {@code vetnet:session:sessions:{id}}: the
 * attributes (security context, the OAuth2 authorized client with its tokens, a pending authorization request)
 * JDK-serialized, one hash field each, written when set; its TTL is the idle timeout, renewed by every request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedisStore
class RedisSessionConfiguration {

    static final String NAMESPACE = "vetnet:session";

    /** The Redis key of a session (Spring Session's layout under our namespace). */
    static String sessionKey(String sessionId) {
        return NAMESPACE + ":sessions:" + sessionId;
    }

    /** Spring Session's connection, on the Lettuce threads the rest of the gateway's Redis use already runs on. */
    @Bean
    LettuceConnectionFactory sessionRedisConnectionFactory(GatewayRedis redis) {
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(redis.uri().toString()),
                LettuceClientConfiguration.builder().clientResources(redis.resources()).build());
    }

    /** How an attribute's value is stored: JDK serialization, with the gateway's class loader (the fat jar's). */
    private RedisSerializer<Object> attributeValues() {
        return new JdkSerializationRedisSerializer(getClass().getClassLoader());
    }

    @Bean
    ReactiveRedisSessionRepository sessionRepository(LettuceConnectionFactory sessionRedisConnectionFactory,
            SessionProperties properties) {
        RedisSerializer<String> names = RedisSerializer.string();
        RedisSerializationContext<String, Object> serialization = RedisSerializationContext
                .<String, Object>newSerializationContext(attributeValues())
                .key(names).hashKey(names).build();
        // A template of our own, not a bean: a ReactiveRedisTemplate bean would switch on Spring Cloud Gateway's
        // Redis auto-configuration (its own rate limiter and route store), which we do not use.
        ReactiveRedisSessionRepository repository = new ReactiveRedisSessionRepository(
                new ReactiveRedisTemplate<>(sessionRedisConnectionFactory, serialization));
        repository.setRedisKeyNamespace(NAMESPACE);
        repository.setDefaultMaxInactiveInterval(properties.getIdleTimeout());
        return repository;
    }

    @Bean
    WebSessionStore webSessionStore(ReactiveRedisSessionRepository sessionRepository) {
        return new SpringSessionWebSessionStore<>(sessionRepository);
    }

    @Bean
    StoredSessions storedSessions(ReactiveRedisSessionRepository sessionRepository, GatewayRedis redis) {
        return new RedisStoredSessions(sessionRepository, redis, attributeValues());
    }

    /** EXISTS on the session's key: Redis drops it when the idle timeout passes, and no session is read or touched. */
    @Bean
    LiveSessions liveSessions(GatewayRedis redis) {
        return id -> redis.strings().exists(sessionKey(id)).map(count -> count > 0);
    }

    @Bean
    RedisSignedOutSockets signedOutSockets(GatewayRedis redis, ProxiedSockets sockets) {
        return new RedisSignedOutSockets(redis, sockets);
    }

    @Bean
    ReactiveOidcSessionRegistry oidcSessionRegistry(GatewayRedis redis, WebSessionStore webSessionStore,
            SignedOutSockets signedOutSockets, SessionProperties properties) {
        return new SocketClosingSessionRegistry(new RedisOidcSessionRegistry(redis, properties.getSignInLifetime()),
                webSessionStore, signedOutSockets);
    }
}
