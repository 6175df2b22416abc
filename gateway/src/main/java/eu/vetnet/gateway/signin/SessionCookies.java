package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.GatewayException;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;

/**
 * The browser's two cookies, the session's and the CSRF token's. Behind HTTPS ({@code cookie-secure=true}) they
 * are named {@code __Host-SESSION} and {@code __Host-XSRF-TOKEN}: a browser accepts a {@code __Host-} cookie only
 * when it is Secure, has Path=/ and no Domain, so no sibling subdomain and no plain-HTTP page can plant or
 * overwrite one (a planted session or CSRF cookie is how session fixation and CSRF bypasses start). Over plain
 * HTTP (the local run) the prefix would make browsers drop the cookies, so they keep their plain names there.
 */
final class SessionCookies {

    static final String HOST_PREFIX = "__Host-";
    static final String SESSION = "SESSION";
    /** The name Spring Security and the SPA (frontend/src/app/api.ts) use; the SPA reads it with or without the prefix. */
    static final String XSRF_TOKEN = "XSRF-TOKEN";

    private SessionCookies() {
    }

    /** {@code vetnet.gateway.session.cookie-name} if set, else SESSION, prefixed when Secure. */
    static String sessionCookieName(SessionProperties properties) {
        String configured = properties.getCookieName();
        String name = configured == null || configured.isBlank() ? prefixed(SESSION, properties) : configured;
        if (name.startsWith(HOST_PREFIX) && !properties.isCookieSecure()) {
            // Browsers would drop every such cookie: nobody could stay signed in. Say so at start-up instead.
            throw new GatewayException("vetnet.gateway.session.cookie-name '" + name + "' needs Secure cookies: set"
                    + " VETNET_SESSION_COOKIE_SECURE=true (behind HTTPS) or a name without " + HOST_PREFIX);
        }
        return name;
    }

    static String csrfCookieName(SessionProperties properties) {
        return prefixed(XSRF_TOKEN, properties);
    }

    /**
     * The CSRF cookie the SPA reads (not HttpOnly), on Path=/ and, with secure cookies, Secure even when TLS ends
     * before the gateway (Spring Security would mark it Secure only for requests that reached it over TLS).
     */
    static CookieServerCsrfTokenRepository csrfTokenRepository(SessionProperties properties) {
        CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieName(csrfCookieName(properties));
        repository.setCookiePath("/");
        if (properties.isCookieSecure()) {
            repository.setCookieCustomizer(cookie -> cookie.secure(true));
        }
        return repository;
    }

    private static String prefixed(String name, SessionProperties properties) {
        return properties.isCookieSecure() ? HOST_PREFIX + name : name;
    }
}
