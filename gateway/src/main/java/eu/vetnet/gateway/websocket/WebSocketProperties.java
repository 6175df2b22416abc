package eu.vetnet.gateway.websocket;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.websocket.*}. */
@ConfigurationProperties("vetnet.gateway.websocket")
public class WebSocketProperties {

    /**
     * Origins (scheme://host[:port]) a browser may open room sockets from: the product's own URL(s). Upgrades with
     * another, a {@code null} or no Origin are refused with 403 before the upgrade (cross-site WebSocket hijacking).
     */
    private List<String> allowedOrigins = new ArrayList<>(List.of("http://localhost:8080"));

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }
}
