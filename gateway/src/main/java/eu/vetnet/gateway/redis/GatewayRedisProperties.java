package eu.vetnet.gateway.redis;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.redis.*}: the Redis the gateways share when {@code vetnet.gateway.session.store=redis}. */
@ConfigurationProperties("vetnet.gateway.redis")
public class GatewayRedisProperties {

    /** {@code redis://host:port} (application.yaml builds it from VETNET_REDIS_HOST and VETNET_REDIS_PORT). */
    private URI uri = URI.create("redis://127.0.0.1:6379");

    public URI getUri() { return uri; }
    public void setUri(URI uri) { this.uri = uri; }
}
