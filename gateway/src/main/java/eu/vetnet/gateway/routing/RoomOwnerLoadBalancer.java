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
 * Picks the room server for a request: for a room ({@code /ws/rooms/{id}}, {@code /api/rooms/{id}}) the server
 * holding its lease when the registry knows one and it is live, otherwise by rendezvous hashing of the room id
 * over the live servers, so every gateway sends a room to the same server; anything else round-robin.
 */
public final class RoomOwnerLoadBalancer implements ReactorServiceInstanceLoadBalancer {

    private final ServiceInstanceListSupplier supplier;
    private final RoomServerInstances registry;
    private final AtomicInteger next = new AtomicInteger();

    /** A room goes to its lease holder while the registry names one and that server is live. */
    public RoomOwnerLoadBalancer(ServiceInstanceListSupplier supplier, RoomServerInstances registry) {
        this.supplier = supplier;
        this.registry = registry;
    }

    @Override
    public Mono<Response<ServiceInstance>> choose(Request request) {
        String roomId = request != null && request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null && context.getClientRequest().getUrl() != null
                ? RoomIds.fromPath(context.getClientRequest().getUrl().getPath()).orElse(null)
                : null;
        Mono<List<ServiceInstance>> instances = supplier.get(request).next();
        if (roomId == null) {
            return instances.map(list -> choose(roomId, list));
        }
        return Mono.zip(instances, registry.ownerOf(roomId)).map(t -> {
            String owner = t.getT2().orElse(null);
            for (ServiceInstance i : t.getT1()) {
                if (i.getInstanceId().equals(owner)) {
                    return (Response<ServiceInstance>) new DefaultResponse(i);
                }
            }
            return choose(roomId, t.getT1()); // no live owner yet: where rendezvous hashing says
        });
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
