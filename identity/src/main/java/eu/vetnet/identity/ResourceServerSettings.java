package eu.vetnet.identity;

/**
 * What every server behind the gateway is told about tokens and its own address, under its own prefix
 * ({@code vetnet.community.*}, {@code vetnet.learning.*}): one definition, extended by each server's settings.
 */
public class ResourceServerSettings {

    /** The issuer whose access tokens are accepted (Keycloak's realm, or the built-in issuer). */
    private String issuerUri = "http://localhost:8090";
    /** Where the issuer's keys are, when not at the issuer's discovery document. */
    private String jwkSetUri;
    /** The audience access tokens must carry, as for every other service. */
    private String audience = AccessTokenValidators.DEFAULT_AUDIENCE;
    /** The address people reach the product at (the gateway): what the server links or names starts with it. */
    private String publicUrl = "http://localhost:8080";

    public String getIssuerUri() { return issuerUri; }
    public void setIssuerUri(String v) { issuerUri = v; }
    public String getJwkSetUri() { return jwkSetUri; }
    public void setJwkSetUri(String v) { jwkSetUri = v; }
    public String getAudience() { return audience; }
    public void setAudience(String v) { audience = v; }
    public String getPublicUrl() { return publicUrl; }
    public void setPublicUrl(String v) { publicUrl = v.endsWith("/") ? v.substring(0, v.length() - 1) : v; }
}
