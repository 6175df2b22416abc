package eu.vetnet.learning.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.learning.*} (docs/learning.md, "Settings"). */
@ConfigurationProperties("vetnet.learning")
public class LearningProperties {

    /** The issuer whose access tokens are accepted (Keycloak's realm, or the built-in issuer). */
    private String issuerUri = "http://localhost:8090";
    /** Where the issuer's keys are, when not at the issuer's discovery document. */
    private String jwkSetUri;
    /** The audience access tokens must carry, as for every other service. */
    private String audience = eu.vetnet.identity.AccessTokenValidators.DEFAULT_AUDIENCE;
    /** The address people reach the product at: credentials name their issuer and status list under it. */
    private String publicUrl = "http://localhost:8080";
    /** A room server, whose replay API gives a live session's attendance (any room server reads any room's history). */
    private String roomsUri = "http://localhost:8081";
    /** Load the demo programme (marked as demo data) when there is none. Off in production mode. */
    private boolean demoData = false;

    public String getIssuerUri() { return issuerUri; }
    public void setIssuerUri(String v) { issuerUri = v; }
    public String getJwkSetUri() { return jwkSetUri; }
    public void setJwkSetUri(String v) { jwkSetUri = v; }
    public String getAudience() { return audience; }
    public void setAudience(String v) { audience = v; }
    public String getPublicUrl() { return publicUrl; }
    public void setPublicUrl(String v) { publicUrl = v.endsWith("/") ? v.substring(0, v.length() - 1) : v; }
    public String getRoomsUri() { return roomsUri; }
    public void setRoomsUri(String v) { roomsUri = v; }
    public boolean isDemoData() { return demoData; }
    public void setDemoData(boolean v) { demoData = v; }
}
