package eu.vetnet.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything the issuer's own chain does not match: the login form (built-in issuer only), health, and the
 * admin API and the people directory, which take bearer tokens of the configured issuer (relayed by the gateway) and want the admin role (the directory: facilitator or admin).
 */
@Configuration(proxyBeanMethods = false)
public class IdentitySecurityConfiguration {

    /** The audience Keycloak's realm mapper and the built-in issuer put in access tokens. */
    public static final String AUDIENCE = AccessTokenValidators.DEFAULT_AUDIENCE;

    @Bean
    @Order(2)
    SecurityFilterChain identityChain(HttpSecurity http, @Value("${vetnet.oidc.issuer-uri:}") String externalIssuer,
            JwtDecoder identityJwtDecoder) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/error", "/login")
                        .permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/directory/**").hasAnyRole(Role.FACILITATOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                // The API is called with bearer tokens only: no cookie, so no CSRF to guard against.
                .csrf(c -> c.ignoringRequestMatchers(api))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(identityJwtDecoder)
                        .jwtAuthenticationConverter(roleAuthorities())));
        if (externalIssuer.isBlank()) {
            // Our own page (issuer/LoginPage: branded, EN/IT/DE, the username kept after a wrong password).
            http.formLogin(f -> f.loginPage("/login").failureHandler(eu.vetnet.identity.issuer.LoginPage.keepUsername()));
        } else {
            http.formLogin(AbstractHttpConfigurer::disable);
        }
        return http.build();
    }

    /** {@code realm_access.roles} as {@code ROLE_ADMIN}, ... whichever issuer wrote them. */
    static JwtAuthenticationConverter roleAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> VetnetJwtConverter.roles(jwt).stream()
                .map(r -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList());
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }

    /**
     * Tokens of Keycloak when {@code vetnet.oidc.issuer-uri} is set (discovered on first use, so this server starts
     * before Keycloak does), else of the built-in issuer, verified against its own keys.
     */
    @Bean
    JwtDecoder identityJwtDecoder(@Value("${vetnet.oidc.issuer-uri:}") String externalIssuer,
            @Value("${vetnet.identity.issuer.issuer-uri:http://localhost:8090}") String builtInIssuer,
            @Value("${vetnet.oidc.key-refetch-cooldown:30s}") java.time.Duration keyRefetchCooldown,
            ObjectProvider<JWKSource<SecurityContext>> jwkSource) {
        if (externalIssuer.isBlank()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource.getObject()).build();
            decoder.setJwtValidator(AccessTokenValidators.of(builtInIssuer, AUDIENCE));
            return decoder;
        }
        return AccessTokenDecoders.blocking(new IssuerKeys(externalIssuer, null, keyRefetchCooldown), externalIssuer, AUDIENCE);
    }

}
