package eu.vetnet.gateway.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.session.*}: where sessions live, how long they last, and the browser's session cookie. */
@ConfigurationProperties("vetnet.gateway.session")
public class SessionProperties {

    /** Where sessions (and with them the tokens, rate-limit buckets and sign-outs) live. */
    public enum Store {
        /** This gateway's memory: one gateway (the embedded run). */
        MEMORY,
        /** Redis (vetnet.gateway.redis.uri), shared by every gateway: signed in on one, signed in on all. */
        REDIS
    }

    /** Env VETNET_SESSION_STORE. */
    private Store store = Store.MEMORY;

    /** The session cookie's name; empty: {@code __Host-SESSION} with secure cookies, else {@code SESSION} (SessionCookies). */
    private String cookieName = "";
    /**
     * Send the cookies over HTTPS only, under {@code __Host-} names. On in production (env
     * VETNET_SESSION_COOKIE_SECURE=true; production mode refuses to start without it).
     */
    private boolean cookieSecure = false;
    /**
     * Lax: the cookie rides on top-level navigations from the issuer back to the callback (Strict would lose the
     * login), never on cross-site subrequests or cross-site POSTs.
     */
    private String cookieSameSite = "Lax";
    /** A session unused this long ends (and with it the tokens it holds). */
    private Duration idleTimeout = Duration.ofHours(12);
    /**
     * How often this gateway looks for proxied sockets whose session has ended without a sign-out it saw (idle
     * timeout, or a sign-out whose message it missed while Redis was away), and closes them with 4401.
     */
    private Duration socketSweepInterval = Duration.ofSeconds(30);
    /**
     * Redis store only: how long the link from the issuer's session to ours (for back-channel logout) is kept. At
     * least the issuer's longest sign-in (Keycloak's SSO Session Max, 10 h by default; the built-in issuer's
     * refresh tokens, 10 h): past that the issuer has ended the sign-in anyway and a refresh fails.
     */
    private Duration signInLifetime = Duration.ofHours(24);

    public Store getStore() { return store; }
    public void setStore(Store store) { this.store = store; }
    public Duration getSocketSweepInterval() { return socketSweepInterval; }
    public void setSocketSweepInterval(Duration socketSweepInterval) { this.socketSweepInterval = socketSweepInterval; }
    public Duration getSignInLifetime() { return signInLifetime; }
    public void setSignInLifetime(Duration signInLifetime) { this.signInLifetime = signInLifetime; }
    public String getCookieName() { return cookieName; }
    public void setCookieName(String cookieName) { this.cookieName = cookieName; }
    public boolean isCookieSecure() { return cookieSecure; }
    public void setCookieSecure(boolean cookieSecure) { this.cookieSecure = cookieSecure; }
    public String getCookieSameSite() { return cookieSameSite; }
    public void setCookieSameSite(String cookieSameSite) { this.cookieSameSite = cookieSameSite; }
    public Duration getIdleTimeout() { return idleTimeout; }
    public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
}
