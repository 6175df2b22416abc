package eu.vetnet.gateway.routing;

import java.net.URI;
import java.util.List;
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

    private final Sinks.Many<List<ServiceInstance>> changes = Sinks.many().replay().latest();

    public StaticRoomServerInstances(List<URI> uris) {
        replace(uris);
    }

    /** Makes {@code uris} the live room servers. */
    public void replace(List<URI> uris) {
        List<ServiceInstance> instances = uris.stream().map(StaticRoomServerInstances::instance).toList();
        changes.emitNext(instances, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    @Override
    public Flux<List<ServiceInstance>> live() {
        return changes.asFlux();
    }

    /** The instance for a base URI; its id is host:port, which is what rendezvous hashing weighs. */
    static ServiceInstance instance(URI uri) {
        return instance(uri.getHost() + ":" + port(uri), uri);
    }

    /** A room server reached at {@code url} (a missing port is the scheme's), named {@code instanceId}. */
    static ServiceInstance instance(String instanceId, URI url) {
        return new DefaultServiceInstance(instanceId, SERVICE_ID, url.getHost(), port(url), "https".equals(url.getScheme()));
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
    }
}
