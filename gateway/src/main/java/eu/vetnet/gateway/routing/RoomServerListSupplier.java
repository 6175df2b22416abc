package eu.vetnet.gateway.routing;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** Spring Cloud LoadBalancer's view of {@link RoomServerInstances}: no cache, so a removed server is gone at once. */
final class RoomServerListSupplier implements ServiceInstanceListSupplier {

    private final RoomServerInstances instances;

    RoomServerListSupplier(RoomServerInstances instances) {
        this.instances = instances;
    }

    @Override
    public String getServiceId() {
        return StaticRoomServerInstances.SERVICE_ID;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return instances.live();
    }
}
