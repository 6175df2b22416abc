package eu.vetnet.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code lb://rooms} and {@code lb:ws://rooms}: room servers from {@link RoomServerInstances}, rooms to their owner. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
@LoadBalancerClient(name = StaticRoomServerInstances.SERVICE_ID, configuration = RoutingConfiguration.RoomsClient.class)
public class RoutingConfiguration {

    @Bean
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
        ReactorLoadBalancer<ServiceInstance> roomOwnerLoadBalancer(ServiceInstanceListSupplier roomServerListSupplier) {
            return new RoomOwnerLoadBalancer(roomServerListSupplier);
        }
    }
}
