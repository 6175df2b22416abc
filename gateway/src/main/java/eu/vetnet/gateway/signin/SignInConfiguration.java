package eu.vetnet.gateway.signin;

import eu.vetnet.identity.AccessTokenDecoders;
import eu.vetnet.gateway.websocket.ProxiedSockets;
import eu.vetnet.gateway.websocket.SignInEnded;
import eu.vetnet.gateway.websocket.TokenRenewals;
import eu.vetnet.identity.IssuerKeys;
import java.time.Clock;
import org.springframework.web.server.session.WebSessionStore;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebSession;

/**
 * Backend-for-frontend sign-in. The gateway is the OIDC client (authorization code + PKCE); tokens live in the
 * server-side session; the browser holds only the session cookie (HttpOnly, SameSite=Lax) and the CSRF cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
public class SignInConfiguration {

    /** The one POST anyone may send without signing in: checking a credential (the learning server's). */
    static final String PUBLIC_VERIFY = "/api/public/learning/verify";

    /**
     * Room sockets. The session is read (never created: no request cache, no saved context), the upgrade is
     * refused with 401 without one, and CSRF does not apply: a GET upgrade changes nothing, and the Origin
     * allowlist (OriginCheckFilter, before this chain) is what stops cross-site sockets.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain webSocketChain(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/ws/**"))
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeExchange(a -> a.anyExchange().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain signInChain(ServerHttpSecurity http, OidcProperties properties,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
            SignedOutSockets sockets, SessionProperties sessionProperties) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE for the confidential client too (OAuth 2.1; the built-in issuer requires it of every client).
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        String loginPath = "/oauth2/authorization/" + properties.getRegistrationId();
        var api = ServerWebExchangeMatchers.pathMatchers("/api/**");
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api, new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(loginPath));

        OidcClientInitiatedServerLogoutSuccessHandler endAtIssuer = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endAtIssuer.setPostLogoutRedirectUri(properties.getPostLogoutRedirectUri());
        // A session never started has no sockets (the back-channel logout's internal request, whose session the
        // registry already ended, arrives with a fresh one): nothing to tell the other gateways.
        ServerLogoutHandler closeSockets = (exchange, authentication) -> exchange.getExchange().getSession()
                .filter(WebSession::isStarted)
                .flatMap(session -> sockets.closeEverywhere(session.getId()));

        CookieServerCsrfTokenRepository csrfCookie = SessionCookies.csrfTokenRepository(sessionProperties);
        return http
                .authorizeExchange(a -> a
                        // What the community published (a proposal's tracking page): anyone, signed in or not.
                        .pathMatchers(HttpMethod.GET, "/api/public/**").permitAll()
                        // Checking a credential changes nothing (docs/learning.md, "Verifying"): anyone, from anywhere.
                        .pathMatchers(HttpMethod.POST, PUBLIC_VERIFY).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .oauth2Login(login -> login
                        .authorizationRequestResolver(pkce)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new SignedInSessionLifetime(sessionProperties.getIdleTimeout())))
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                // The SPA reads XSRF-TOKEN (__Host-XSRF-TOKEN behind HTTPS, SessionCookies) and sends it back as
                // X-XSRF-TOKEN on every state-changing call; the plain (unmasked) handler because the value comes
                // from the cookie, not from a rendered page.
                .csrf(c -> c.csrfTokenRepository(csrfCookie)
                        // A verifier's POST carries no session and changes nothing: no token to forge, none asked for.
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, PUBLIC_VERIFY))))
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
                .logout(logout -> logout
                        .logoutHandler(new DelegatingServerLogoutHandler(closeSockets,
                                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(endAtIssuer))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(OidcProperties properties) {
        return new LazyClientRegistrations(properties);
    }

    /** Tokens in the web session: in memory, or in Redis with the session when several gateways run. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by TokenRelay, the socket upgrade and /api/me: refreshes an access token about to expire. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, OidcProperties properties) {
        var provider = ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(r -> r.clockSkew(properties.getRefreshBeforeExpiry()))
                .build();
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return new SingleFlightAuthorizedClientManager(manager);
    }

    @Bean
    SignedInUsers signedInUsers(ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
            ReactiveJwtDecoder accessTokenDecoder, OidcProperties properties) {
        return new SignedInUsers(authorizedClientManager, accessTokenDecoder, properties);
    }

    /** Room sockets get each refreshed access token of their session (docs/gateway.md, "Token renewal"). */
    @Bean
    TokenRenewals tokenRenewals(ReactiveOAuth2AuthorizedClientManager authorizedClientManager, StoredSessions sessions,
            OidcProperties properties) {
        return new SessionTokenRenewals(authorizedClientManager, sessions, properties, Clock.systemUTC());
    }

    /**
     * A socket whose session's refresh the issuer refused ends the sign-in as a request would (SignInEndedHandler):
     * every socket of the session closes with 4401 and the session is removed. A socket whose session or tokens are
     * simply gone closes with 4401.
     */
    @Bean
    SignInEnded socketSignInEnded(SignedOutSockets sockets, WebSessionStore store) {
        return (socket, cause) -> cause == null
                ? socket.browser().close(ProxiedSockets.SIGNED_OUT)
                : sockets.closeEverywhere(socket.sessionId()).then(store.removeSession(socket.sessionId()));
    }

    @Bean
    SignInEndedHandler signInEndedHandler(SignedOutSockets sockets) {
        return new SignInEndedHandler(sockets);
    }

    /** Validates access tokens as identity's admin API and the room server do (AccessTokenDecoders). */
    @Bean
    ReactiveJwtDecoder accessTokenDecoder(OidcProperties properties,
            @Value("${vetnet.oidc.key-refetch-cooldown:30s}") Duration keyRefetchCooldown) {
        String issuer = properties.effectiveIssuerUri();
        return AccessTokenDecoders.reactive(new IssuerKeys(issuer, null, keyRefetchCooldown), issuer, properties.getAudience());
    }

}
