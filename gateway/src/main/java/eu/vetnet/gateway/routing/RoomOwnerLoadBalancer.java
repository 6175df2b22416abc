package eu.vetnet.gateway.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Mono;

/**
 * Picks the room server for a request: for a room ({@code /ws/rooms/{id}}, {@code /api/rooms/{id}}) the owner by
 * rendezvous hashing of the room id over the live servers, so every gateway sends a room to the same server;
 * anything else round-robin.
 */
public final class RoomOwnerLoadBalancer implements ReactorServiceInstanceLoadBalancer {

    private final ServiceInstanceListSupplier supplier;
    private final AtomicInteger next = new AtomicInteger();

    public RoomOwnerLoadBalancer(ServiceInstanceListSupplier supplier) {
        this.supplier = supplier;
    }

    @Override
    public Mono<Response<ServiceInstance>> choose(Request request) {
        String roomId = request != null && request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null && context.getClientRequest().getUrl() != null
                ? RoomIds.fromPath(context.getClientRequest().getUrl().getPath()).orElse(null)
                : null;
        return supplier.get(request).next().map(instances -> choose(roomId, instances));
    }

    Response<ServiceInstance> choose(String roomId, List<ServiceInstance> instances) {
        if (instances.isEmpty()) {
            return new EmptyResponse();
        }
        if (roomId != null) {
            return RendezvousHashing.choose(roomId, instances).<Response<ServiceInstance>>map(DefaultResponse::new)
                    .orElseGet(EmptyResponse::new);
        }
        return new DefaultResponse(instances.get(Math.floorMod(next.getAndIncrement(), instances.size())));
    }
}
