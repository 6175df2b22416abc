package eu.vetnet.gateway.redis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared Redis, only when the gateways keep their state there. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayRedisProperties.class)
@ConditionalOnRedisStore
public class GatewayRedisConfiguration {

    @Bean
    GatewayRedis gatewayRedis(GatewayRedisProperties properties) {
        return new GatewayRedis(properties.getUri());
    }
}
