package eu.vetnet.gateway.headers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.headers.*}: the security headers on every response the gateway sends. */
@ConfigurationProperties("vetnet.gateway.headers")
public class HeadersProperties {

    /**
     * The Content-Security-Policy, verbatim. Empty: {@link ContentSecurityPolicy#forGateway}, the app's own origin
     * plus its room sockets and the issuer's origin for the sign-out form (docs/gateway.md, "Security headers").
     */
    private String contentSecurityPolicy = "";
    /**
     * No referrer at all: room links carry room ids, and nothing the app loads (the issuer, images on a board)
     * needs to know which page asked.
     */
    private String referrerPolicy = "no-referrer";

    public String getContentSecurityPolicy() { return contentSecurityPolicy; }
    public void setContentSecurityPolicy(String contentSecurityPolicy) { this.contentSecurityPolicy = contentSecurityPolicy; }
    public String getReferrerPolicy() { return referrerPolicy; }
    public void setReferrerPolicy(String referrerPolicy) { this.referrerPolicy = referrerPolicy; }
}
