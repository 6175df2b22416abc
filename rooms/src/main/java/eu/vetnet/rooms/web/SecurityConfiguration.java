package eu.vetnet.rooms.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Stateless security everywhere. On {@code /ws/**} no session is created and no request is cached: with
 * Spring Security's defaults the upgrade leaves the Netty event loop and the client's first frame can be
 * lost (docs/reliability.md, the first-frame trap). Sockets are authenticated by the room hooks (the upgrade's bearer token
 * or the Hocuspocus auth message), so the chain lets the upgrade through.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityWebFilterChain webSocketChain(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/ws/**"))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(e -> e.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain apiChain(ServerHttpSecurity http, ReactiveJwtDecoder roomsJwtDecoder) {
        return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // /api/public/**: what the community published (a proposal's tracking page), readable without signing in.
                // /actuator/prometheus and /actuator/leases: for the cluster's Prometheus and operators; gateways forward
                // only /api/** and /ws/rooms/** here, so they are not reachable from outside.
                .authorizeExchange(e -> e.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/actuator/leases",
                                "/api/public/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtDecoder(roomsJwtDecoder)))
                .build();
    }
}
