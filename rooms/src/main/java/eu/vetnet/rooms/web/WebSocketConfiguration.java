package eu.vetnet.rooms.web;

import eu.vetnet.rooms.core.RoomServer;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.WebFilter;
import reactor.netty.http.server.WebsocketServerSpec;

/** The WebSocket endpoints, the frame cap and the Origin allowlist. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebSocketConfiguration {

    @Bean
    HandlerMapping roomWebSocketMapping(RoomServer server, RoomsProperties properties) {
        RoomWebSocketHandler handler = new RoomWebSocketHandler(server, properties.getMaxQueuedBytesPerSocket());
        return new SimpleUrlHandlerMapping(Map.of("/ws/rooms/*", handler, "/ws/rooms/*/*", handler), Ordered.HIGHEST_PRECEDENCE);
    }

    /**
     * Netty caps a WebSocket frame at 65,536 bytes by default, less than a first sync of a real document; the
     * cap here is the configured message size (WebFlux aggregates continuation frames up to the same size).
     * Over it, Netty closes with 1009.
     */
    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter(RoomsProperties properties) {
        int max = properties.getLimits().getMaxMessageBytes();
        ReactorNettyRequestUpgradeStrategy strategy = new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(max));
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(strategy));
    }

    /**
     * Cross-site WebSocket hijacking: a browser upgrade from a foreign or {@code null} Origin is refused (403).
     * Upgrades without Origin come from non-browser clients, which carry their own token.
     */
    @Bean
    WebFilter roomOriginFilter(RoomsProperties properties) {
        return (exchange, chain) -> {
            String path = exchange.getRequest().getPath().value();
            if (path.startsWith("/ws/")) {
                String origin = exchange.getRequest().getHeaders().getOrigin();
                if (origin != null && !properties.getAllowedOrigins().contains(origin)) {
                    exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                    return exchange.getResponse().setComplete();
                }
            }
            return chain.filter(exchange);
        };
    }
}
