package eu.vetnet.gateway.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.session.*}: the browser's session cookie. */
@ConfigurationProperties("vetnet.gateway.session")
public class SessionProperties {

    /** The cookie's name. */
    private String cookieName = "SESSION";
    /** Send the cookie over HTTPS only. On in production (env VETNET_SESSION_COOKIE_SECURE=true). */
    private boolean cookieSecure = false;
    /**
     * Lax: the cookie rides on top-level navigations from the issuer back to the callback (Strict would lose the
     * login), never on cross-site subrequests or cross-site POSTs.
     */
    private String cookieSameSite = "Lax";
    /** A session unused this long ends (and with it the tokens it holds). */
    private Duration idleTimeout = Duration.ofHours(12);

    public String getCookieName() { return cookieName; }
    public void setCookieName(String cookieName) { this.cookieName = cookieName; }
    public boolean isCookieSecure() { return cookieSecure; }
    public void setCookieSecure(boolean cookieSecure) { this.cookieSecure = cookieSecure; }
    public String getCookieSameSite() { return cookieSameSite; }
    public void setCookieSameSite(String cookieSameSite) { this.cookieSameSite = cookieSameSite; }
    public Duration getIdleTimeout() { return idleTimeout; }
    public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
}
