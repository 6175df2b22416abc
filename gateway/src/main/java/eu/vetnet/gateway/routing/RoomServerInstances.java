package eu.vetnet.gateway.routing;

import java.util.List;
import java.util.Optional;
import org.springframework.cloud.client.ServiceInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the live room servers are: a static list from configuration (the embedded run), or the registry and
 * owner leases the room servers keep in Redis. Every emission is the complete current list.
 */
public interface RoomServerInstances {

    /** The live room servers, re-emitted whenever the set changes. */
    Flux<List<ServiceInstance>> live();

    /** The instance id of the server that holds the room's lease, when one does (a static list knows none). */
    default Mono<Optional<String>> ownerOf(String roomId) {
        return Mono.just(Optional.empty());
    }
}
