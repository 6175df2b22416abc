package eu.vetnet.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A fixed list of room servers ({@code vetnet.gateway.rooms.instances}), replaceable at run time (tests, and
 * an operator's hand when a server is taken out).
 */
public final class StaticRoomServerInstances implements RoomServerInstances {

    public static final String SERVICE_ID = "rooms";

    private final AtomicReference<List<ServiceInstance>> current = new AtomicReference<>();
    private final Sinks.Many<List<ServiceInstance>> changes = Sinks.many().replay().latest();

    public StaticRoomServerInstances(List<URI> uris) {
        replace(uris);
    }

    /** Makes {@code uris} the live room servers. */
    public void replace(List<URI> uris) {
        List<ServiceInstance> instances = uris.stream().map(StaticRoomServerInstances::instance).toList();
        current.set(instances);
        changes.emitNext(instances, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    @Override
    public Flux<List<ServiceInstance>> live() {
        return changes.asFlux();
    }

    /** The instance for a base URI; its id is the URI, which is what rendezvous hashing weighs. */
    static ServiceInstance instance(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return new DefaultServiceInstance(uri.getHost() + ":" + port, SERVICE_ID, uri.getHost(), port,
                "https".equals(uri.getScheme()));
    }

    List<ServiceInstance> current() {
        return current.get();
    }
}
