package eu.vetnet.gateway.ratelimit;

import eu.vetnet.gateway.redis.ConditionalOnMemoryStore;
import eu.vetnet.gateway.redis.ConditionalOnRedisStore;
import eu.vetnet.gateway.redis.GatewayRedis;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limiting on {@code /api/**}: one bucket per signed-in user (the routes name these beans), in this JVM for
 * one gateway or in Redis when the gateways share their state there (vetnet.gateway.session.store).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    @Bean
    @ConditionalOnMemoryStore
    UserRateLimiter userRateLimiter(RateLimitProperties properties) {
        return new TokenBucketRateLimiter(properties.getReplenishPerSecond(), properties.getBurst());
    }

    @Bean(name = "userRateLimiter")
    @ConditionalOnRedisStore
    UserRateLimiter redisUserRateLimiter(GatewayRedis redis, RateLimitProperties properties) {
        return new RedisTokenBucketRateLimiter(redis, properties.getReplenishPerSecond(), properties.getBurst());
    }

    /** The principal's name (the issuer's subject); /api needs a session, so there always is one. */
    @Bean
    KeyResolver userKeyResolver() {
        return exchange -> exchange.getPrincipal().map(java.security.Principal::getName);
    }
}
