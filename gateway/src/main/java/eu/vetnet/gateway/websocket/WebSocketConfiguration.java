package eu.vetnet.gateway.websocket;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The proxied room sockets: Origin allowlist, frame caps equal to the room server's on both hops, the handshake on
 * the connection's event loop (EventLoopUpgradeStrategy), and the registry that logout closes sockets from. The
 * gateway's WebsocketRoutingFilter uses these two beans for its two sides.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, WebSocketProperties.class})
public class WebSocketConfiguration {

    @Bean
    OriginCheckFilter originCheckFilter(WebSocketProperties properties) {
        return new OriginCheckFilter(properties.getAllowedOrigins());
    }

    @Bean
    ProxiedSockets proxiedSockets() {
        return new ProxiedSockets();
    }

    /** The browser side. */
    @Bean
    @Primary
    WebSocketService vetnetWebSocketService(LimitsProperties limits, ProxiedSockets sockets) {
        int max = limits.getMaxMessageBytes();
        ReactorNettyRequestUpgradeStrategy strategy = new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(max));
        return new TrackingWebSocketService(new HandshakeWebSocketService(new EventLoopUpgradeStrategy(strategy)), sockets);
    }

    /**
     * The room-server side, on the gateway's own HttpClient (Spring Cloud Gateway's bean, the one {@code /api} is
     * proxied with), so that its {@code spring.cloud.gateway.server.webflux.httpclient.*} settings (timeouts, TLS,
     * pool) hold for room sockets too; each socket gets its session's refreshed tokens (RenewingWebSocketClient).
     */
    @Bean
    @Primary
    WebSocketClient vetnetWebSocketClient(LimitsProperties limits, HttpClient gatewayHttpClient, TokenRenewals renewals,
            SignInEnded signInEnded) {
        // Downstream frames carry whole documents (first sync): capped by the room quota, not the upload cap.
        int max = Math.max(limits.getMaxMessageBytes(), limits.getMaxDownstreamMessageBytes());
        var client = new ReactorNettyWebSocketClient(gatewayHttpClient, () -> WebsocketClientSpec.builder().maxFramePayloadLength(max));
        return new RenewingWebSocketClient(client, renewals, signInEnded);
    }
}
