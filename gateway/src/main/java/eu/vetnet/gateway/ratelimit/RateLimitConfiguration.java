package eu.vetnet.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limiting on {@code /api/**}: one bucket per signed-in user (the routes name these beans). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    @Bean
    TokenBucketRateLimiter userRateLimiter(RateLimitProperties properties) {
        return new TokenBucketRateLimiter(properties.getReplenishPerSecond(), properties.getBurst());
    }

    /** The principal's name (the issuer's subject); /api needs a session, so there always is one. */
    @Bean
    KeyResolver userKeyResolver() {
        return exchange -> exchange.getPrincipal().map(java.security.Principal::getName);
    }
}
