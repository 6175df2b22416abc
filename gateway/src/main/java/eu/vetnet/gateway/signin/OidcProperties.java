package eu.vetnet.gateway.signin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetnet.gateway.oidc.*}: the issuer the gateway signs people in with (as the confidential client
 * {@code vetnet-gateway}). Keycloak when {@code vetnet.oidc.issuer-uri} (VETNET_OIDC_ISSUER_URI) is set, else the
 * built-in issuer.
 */
@ConfigurationProperties("vetnet.gateway.oidc")
public class OidcProperties {

    /** The external issuer (Keycloak realm URL); empty = {@link #builtInIssuerUri}. */
    private String issuerUri = "";
    /** The built-in issuer of the identity server (env VETNET_IDENTITY_ISSUER_URI). */
    private String builtInIssuerUri = "http://localhost:8090";
    private String registrationId = "vetnet";
    private String clientId = "vetnet-gateway";
    /** Env VETNET_GATEWAY_CLIENT_SECRET; the default is the development realm's. */
    private String clientSecret = "vetnet-gateway-secret";
    private List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));
    /** Where the issuer sends the browser back to; {baseUrl} is this gateway as the browser reached it. */
    private String redirectUri = "{baseUrl}/login/oauth2/code/{registrationId}";
    /** Where the issuer sends the browser after logout. */
    private String postLogoutRedirectUri = "{baseUrl}/";
    /** Access tokens are refreshed this long before they expire (before a relay, an upgrade, /api/me). */
    private Duration refreshBeforeExpiry = Duration.ofSeconds(60);
    /** The audience access tokens must carry (the realm's audience mapper). */
    private String audience = eu.vetnet.identity.AccessTokenValidators.DEFAULT_AUDIENCE;

    /** The issuer in force. */
    public String effectiveIssuerUri() {
        return issuerUri == null || issuerUri.isBlank() ? builtInIssuerUri : issuerUri;
    }

    public String getIssuerUri() { return issuerUri; }
    public void setIssuerUri(String issuerUri) { this.issuerUri = issuerUri; }
    public String getBuiltInIssuerUri() { return builtInIssuerUri; }
    public void setBuiltInIssuerUri(String builtInIssuerUri) { this.builtInIssuerUri = builtInIssuerUri; }
    public String getRegistrationId() { return registrationId; }
    public void setRegistrationId(String registrationId) { this.registrationId = registrationId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public List<String> getScopes() { return scopes; }
    public void setScopes(List<String> scopes) { this.scopes = scopes; }
    public String getRedirectUri() { return redirectUri; }
    public void setRedirectUri(String redirectUri) { this.redirectUri = redirectUri; }
    public String getPostLogoutRedirectUri() { return postLogoutRedirectUri; }
    public void setPostLogoutRedirectUri(String uri) { this.postLogoutRedirectUri = uri; }
    public Duration getRefreshBeforeExpiry() { return refreshBeforeExpiry; }
    public void setRefreshBeforeExpiry(Duration refreshBeforeExpiry) { this.refreshBeforeExpiry = refreshBeforeExpiry; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
}
