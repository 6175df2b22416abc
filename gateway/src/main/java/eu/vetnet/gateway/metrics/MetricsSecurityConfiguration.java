package eu.vetnet.gateway.metrics;

import eu.vetnet.gateway.signin.SignedInUsers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * {@code /actuator/**}: health and info for anyone (load balancers, orchestrators), everything else (Prometheus)
 * for the scrape token or an admin's session. The session is read, never created: a scraper without a cookie
 * leaves nothing behind, and a refused one gets 401, not a redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityWebFilterChain actuatorChain(ServerHttpSecurity http, MetricsProperties properties, SignedInUsers users) {
        HttpStatusServerEntryPoint unauthorized = new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED);
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator/**"))
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                // Only GETs are exposed (health, info, prometheus); nothing here changes state.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, denied) -> {
                    exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"vetnet-metrics\"");
                    return unauthorized.commence(exchange, denied);
                }))
                .authorizeExchange(a -> a
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyExchange().access(new MetricsAccess(properties.getScrapeToken(), users)))
                .build();
    }
}
