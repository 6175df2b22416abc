package eu.vetnet.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.rooms.*}: where the room servers are until the Redis registry names them. */
@ConfigurationProperties("vetnet.gateway.rooms")
public class RoutingProperties {

    /** Base URIs of the live room servers (env VETNET_ROOMS_INSTANCES, comma-separated). */
    private List<URI> instances = new ArrayList<>(List.of(URI.create("http://localhost:8081")));

    public List<URI> getInstances() {
        return instances;
    }

    public void setInstances(List<URI> instances) {
        this.instances = instances;
    }
}
