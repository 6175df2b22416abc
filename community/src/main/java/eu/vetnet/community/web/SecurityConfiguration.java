package eu.vetnet.community.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Stateless: every request carries the gateway's access token, or none for what is public. The public face
 * (search, published practices, their pages, the feed, the sitemap) is GET only; everything else needs a token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain communityChain(ServerHttpSecurity http, ReactiveJwtDecoder communityJwtDecoder) {
        return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(e -> e.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/public/**", "/practices/**", "/c/**", "/feeds/**", "/sitemap.xml", "/sitemaps/**").permitAll()
                        .pathMatchers("/api/community/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtDecoder(communityJwtDecoder)))
                .build();
    }
}
