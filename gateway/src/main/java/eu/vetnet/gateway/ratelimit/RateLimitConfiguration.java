package eu.vetnet.gateway.ratelimit;

import eu.vetnet.gateway.redis.ConditionalOnMemoryStore;
import eu.vetnet.gateway.redis.ConditionalOnRedisStore;
import eu.vetnet.gateway.redis.GatewayRedis;
import java.net.InetSocketAddress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Rate limiting on {@code /api/**}: one bucket per signed-in user, and on the public pages one per reader (the
 * routes name these beans), in this JVM for one gateway or in Redis when the gateways share their state there
 * (vetnet.gateway.session.store).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    // Primary: Spring Cloud Gateway's RequestRateLimiter factory takes one default limiter and key resolver.
    @Bean
    @Primary
    @ConditionalOnMemoryStore
    UserRateLimiter userRateLimiter(RateLimitProperties properties) {
        return new TokenBucketRateLimiter(properties.getReplenishPerSecond(), properties.getBurst());
    }

    @Bean(name = "userRateLimiter")
    @Primary
    @ConditionalOnRedisStore
    UserRateLimiter redisUserRateLimiter(GatewayRedis redis, RateLimitProperties properties) {
        return new RedisTokenBucketRateLimiter(redis, properties.getReplenishPerSecond(), properties.getBurst());
    }

    /** The principal's name (the issuer's subject); /api needs a session, so there always is one. */
    @Bean
    @Primary
    KeyResolver userKeyResolver() {
        return exchange -> exchange.getPrincipal().map(java.security.Principal::getName);
    }

    /** Public pages (read signed in or not): a bucket per reader, in this JVM for one gateway... */
    @Bean
    @ConditionalOnMemoryStore
    UserRateLimiter publicReadRateLimiter(RateLimitProperties properties) {
        return new TokenBucketRateLimiter(properties.getPublicReplenishPerSecond(), properties.getPublicBurst());
    }

    /** ...or in Redis, one budget across gateways. */
    @Bean(name = "publicReadRateLimiter")
    @ConditionalOnRedisStore
    UserRateLimiter redisPublicReadRateLimiter(GatewayRedis redis, RateLimitProperties properties) {
        return new RedisTokenBucketRateLimiter(redis, properties.getPublicReplenishPerSecond(), properties.getPublicBurst());
    }

    /**
     * Who reads a public page: the signed-in person (their subject), else the visitor's address. Keys say which, so
     * a visitor's bucket is never a user's ({@code public:user:...}, {@code public:visitor:...}).
     */
    @Bean
    KeyResolver readerKeyResolver() {
        return exchange -> exchange.getPrincipal()
                .filter(p -> !(p instanceof AnonymousAuthenticationToken))
                .map(p -> "public:user:" + p.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "public:visitor:" + address(exchange.getRequest().getRemoteAddress())));
    }

    static String address(InetSocketAddress peer) {
        return peer == null ? "unknown" : peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
    }
}
