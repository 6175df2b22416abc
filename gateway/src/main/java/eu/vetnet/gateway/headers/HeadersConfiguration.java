package eu.vetnet.gateway.headers;

import eu.vetnet.gateway.signin.OidcProperties;
import eu.vetnet.gateway.websocket.WebSocketProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/** Security headers (CSP, nosniff, Referrer-Policy) on every response. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HeadersProperties.class)
public class HeadersConfiguration {

    @Bean
    WebFilter securityHeadersWebFilter(HeadersProperties headers, WebSocketProperties websocket, OidcProperties oidc) {
        String policy = headers.getContentSecurityPolicy();
        if (policy == null || policy.isBlank()) {
            policy = ContentSecurityPolicy.forGateway(websocket.getAllowedOrigins(), oidc.effectiveIssuerUri());
        }
        return new SecurityHeadersWebFilter(policy, headers.getReferrerPolicy());
    }
}
