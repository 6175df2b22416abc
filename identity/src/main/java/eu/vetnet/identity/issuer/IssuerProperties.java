package eu.vetnet.identity.issuer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.identity.issuer.*}: the built-in OIDC issuer (on when {@code vetnet.oidc.issuer-uri} is not set). */
@ConfigurationProperties("vetnet.identity.issuer")
public class IssuerProperties {

    /** The {@code iss} of every token and the base of discovery; what the gateway and rooms are configured with. */
    private String issuerUri = "http://localhost:8090";
    /** Access token lifetime; Keycloak's realm uses 5 minutes. */
    private Duration accessTokenTtl = Duration.ofMinutes(5);
    /** Refresh token lifetime: a long workshop keeps its session by refreshing within this. */
    private Duration refreshTokenTtl = Duration.ofHours(10);
    /** The confidential client the gateway signs in with (backend for frontend). */
    private final Client gateway = new Client("vetnet-gateway", "vetnet-gateway-secret",
            List.of("http://localhost:8080/login/oauth2/code/vetnet"), List.of("http://localhost:8080/"));
    /** The public PKCE client for a browser app that signs in by itself (Vite dev server, tests). */
    private final Client web = new Client("vetnet-web", null,
            List.of("http://localhost:8080/", "http://localhost:5173/"), List.of("http://localhost:8080/", "http://localhost:5173/"));

    public String getIssuerUri() { return issuerUri; }
    public void setIssuerUri(String issuerUri) { this.issuerUri = issuerUri; }
    public Duration getAccessTokenTtl() { return accessTokenTtl; }
    public void setAccessTokenTtl(Duration accessTokenTtl) { this.accessTokenTtl = accessTokenTtl; }
    public Duration getRefreshTokenTtl() { return refreshTokenTtl; }
    public void setRefreshTokenTtl(Duration refreshTokenTtl) { this.refreshTokenTtl = refreshTokenTtl; }
    public Client getGateway() { return gateway; }
    public Client getWeb() { return web; }

    /** One registered client. */
    public static class Client {
        private String clientId;
        /** Null for a public client. */
        private String secret;
        /** Exact redirect URIs (no wildcards in OAuth 2.1; loopback IPs may use any port, RFC 8252). */
        private List<String> redirectUris;
        private List<String> postLogoutRedirectUris;

        public Client(String clientId, String secret, List<String> redirectUris, List<String> postLogoutRedirectUris) {
            this.clientId = clientId;
            this.secret = secret;
            this.redirectUris = new ArrayList<>(redirectUris);
            this.postLogoutRedirectUris = new ArrayList<>(postLogoutRedirectUris);
        }

        public String getClientId() { return clientId; }
        public void setClientId(String clientId) { this.clientId = clientId; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public List<String> getRedirectUris() { return redirectUris; }
        public void setRedirectUris(List<String> redirectUris) { this.redirectUris = redirectUris; }
        public List<String> getPostLogoutRedirectUris() { return postLogoutRedirectUris; }
        public void setPostLogoutRedirectUris(List<String> uris) { this.postLogoutRedirectUris = uris; }
    }
}
