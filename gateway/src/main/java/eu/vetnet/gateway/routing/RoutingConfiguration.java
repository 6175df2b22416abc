package eu.vetnet.gateway.routing;

import eu.vetnet.redis.RedisKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code lb://rooms} and {@code lb:ws://rooms}: room servers from {@link RoomServerInstances}, rooms to their owner. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
@LoadBalancerClient(name = StaticRoomServerInstances.SERVICE_ID, configuration = RoutingConfiguration.RoomsClient.class)
public class RoutingConfiguration {

    /** The room servers' own registry and leases in Redis (VETNET_ROOMS_REGISTRY=redis). */
    @Bean
    @ConditionalOnProperty(name = "vetnet.gateway.rooms.registry", havingValue = "redis")
    RedisRoomServerInstances redisRoomServerInstances(RoutingProperties properties,
            @Value("${" + RedisKeys.PREFIX_PROPERTY + ":" + RedisKeys.DEFAULT_PREFIX + "}") String keyPrefix) {
        return new RedisRoomServerInstances(properties.getRedisUri(), new RedisKeys(keyPrefix), properties.getRegistryRefresh());
    }

    /** A fixed list (the embedded run, one room server). */
    @Bean
    @ConditionalOnProperty(name = "vetnet.gateway.rooms.registry", havingValue = "static", matchIfMissing = true)
    StaticRoomServerInstances roomServerInstances(RoutingProperties properties) {
        return new StaticRoomServerInstances(properties.getInstances());
    }

    /** The "rooms" load-balancer child context. Not a @Configuration: it must not be picked up by the main scan. */
    static class RoomsClient {

        @Bean
        ServiceInstanceListSupplier roomServerListSupplier(RoomServerInstances instances) {
            return new RoomServerListSupplier(instances);
        }

        @Bean
        ReactorLoadBalancer<ServiceInstance> roomOwnerLoadBalancer(ServiceInstanceListSupplier roomServerListSupplier,
                RoomServerInstances instances) {
            return new RoomOwnerLoadBalancer(roomServerListSupplier, instances);
        }
    }
}
