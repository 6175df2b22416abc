package eu.vetnet.community.web;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.community.*} (docs/community.md, "Settings"). */
@ConfigurationProperties("vetnet.community")
public class CommunityProperties {

    /** The issuer whose access tokens are accepted (Keycloak's realm, or the built-in issuer). */
    private String issuerUri = "http://localhost:8090";
    /** Where the issuer's keys are, when not at the issuer's discovery document. */
    private String jwkSetUri;
    /** The audience access tokens must carry, as for every other service. */
    private String audience = eu.vetnet.identity.AccessTokenValidators.DEFAULT_AUDIENCE;
    /** The address people reach the product at: links in public pages, the feed and the sitemap start with it. */
    private String publicUrl = "http://localhost:8080";
    /** Load the demo library (marked as demo data) when it is empty. Off in production mode. */
    private boolean demoData = false;
    /** Where the search index is kept; empty: a fresh temporary folder (the index is rebuilt from Cassandra at start). */
    private Path indexDirectory;
    /** Writes per person per minute (create, edit, publish, endorse): a runaway script cannot fill the library. */
    private int writesPerMinute = 60;
    /** The sender of the community's e-mail (peer-counselling invitations). */
    private String mailFrom = "VET-NET <no-reply@vetnet.localhost>";
    /** How often each person's digest e-mail goes out (when there is something new for them). */
    private Duration digestEvery = Duration.ofDays(1);
    /** How long a deleted account's pseudonym stays linked to its id, so that a retried deletion uses the same one. */
    private Duration pseudonymKeptFor = Duration.ofDays(30);
    /** How long the public pages, the feed and the sitemap may be cached by browsers and proxies. */
    private Duration publicCache = Duration.ofMinutes(5);

    public String getIssuerUri() { return issuerUri; }
    public void setIssuerUri(String v) { issuerUri = v; }
    public String getJwkSetUri() { return jwkSetUri; }
    public void setJwkSetUri(String v) { jwkSetUri = v; }
    public String getAudience() { return audience; }
    public void setAudience(String v) { audience = v; }
    public String getPublicUrl() { return publicUrl; }
    public void setPublicUrl(String v) { publicUrl = v.endsWith("/") ? v.substring(0, v.length() - 1) : v; }
    public boolean isDemoData() { return demoData; }
    public void setDemoData(boolean v) { demoData = v; }
    public Path getIndexDirectory() { return indexDirectory; }
    public void setIndexDirectory(Path v) { indexDirectory = v; }
    public int getWritesPerMinute() { return writesPerMinute; }
    public void setWritesPerMinute(int v) { writesPerMinute = v; }
    public Duration getPublicCache() { return publicCache; }
    public String getMailFrom() { return mailFrom; }
    public Duration getDigestEvery() { return digestEvery; }
    public void setDigestEvery(Duration v) { digestEvery = v; }
    public Duration getPseudonymKeptFor() { return pseudonymKeptFor; }
    public void setPseudonymKeptFor(Duration v) { pseudonymKeptFor = v; }
    public void setMailFrom(String v) { mailFrom = v; }
    public void setPublicCache(Duration v) { publicCache = v; }
}
