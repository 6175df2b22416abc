package eu.vetnet.gateway.routing;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import reactor.core.publisher.Flux;

/**
 * Where the live room servers are. A static list from configuration now; the room registry in Redis (with
 * owner leases) later. Every emission is the complete current list.
 */
public interface RoomServerInstances {

    /** The live room servers, re-emitted whenever the set changes. */
    Flux<List<ServiceInstance>> live();
}
