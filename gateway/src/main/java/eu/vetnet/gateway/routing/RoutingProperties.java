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

    /** {@code static} (the list above; the embedded run) or {@code redis} (the room servers' registry and leases). */
    private String registry = "static";

    /** The Redis holding the registry, when {@link #registry} is {@code redis}. */
    private URI redisUri = URI.create("redis://127.0.0.1:6379");

    /** How often the registry is read. */
    private java.time.Duration registryRefresh = eu.vetnet.redis.RedisKeys.REGISTRY_REFRESH;

    public String getRegistry() {
        return registry;
    }

    public void setRegistry(String registry) {
        this.registry = registry;
    }

    public URI getRedisUri() {
        return redisUri;
    }

    public void setRedisUri(URI redisUri) {
        this.redisUri = redisUri;
    }

    public java.time.Duration getRegistryRefresh() {
        return registryRefresh;
    }

    public void setRegistryRefresh(java.time.Duration registryRefresh) {
        this.registryRefresh = registryRefresh;
    }

    public List<URI> getInstances() {
        return instances;
    }

    public void setInstances(List<URI> instances) {
        this.instances = instances;
    }
}
