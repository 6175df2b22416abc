package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.ratelimit.RedisTokenBucketRateLimiter;
import eu.vetnet.gateway.ratelimit.TokenBucketRateLimiter;
import eu.vetnet.gateway.redis.ConditionalOnMemoryStore;
import eu.vetnet.gateway.redis.ConditionalOnRedisStore;
import eu.vetnet.gateway.redis.GatewayRedis;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on anonymous sign-in starts: a bucket per address (here), and a short life for sessions whose sign-in has
 * not completed (IdleTimeoutSessionStore, SignedInSessionLifetime). The buckets are no beans: Spring Cloud Gateway
 * takes the one RateLimiter bean as the per-user limit of /api.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInStartProperties.class)
class SignInStartConfiguration {

    @Bean
    @ConditionalOnMemoryStore
    SignInStartLimit signInStartLimit(SignInStartProperties properties) {
        return new SignInStartLimit(new TokenBucketRateLimiter(properties.getStartsPerMinute() / 60, properties.getBurst()),
                properties);
    }

    /** With several gateways one budget per address, in Redis. */
    @Bean(name = "signInStartLimit")
    @ConditionalOnRedisStore
    SignInStartLimit redisSignInStartLimit(GatewayRedis redis, SignInStartProperties properties) {
        return new SignInStartLimit(new RedisTokenBucketRateLimiter(redis, properties.getStartsPerMinute() / 60,
                properties.getBurst()), properties);
    }
}
