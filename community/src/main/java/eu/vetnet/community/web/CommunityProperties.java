package eu.vetnet.community.web;

import eu.vetnet.identity.ResourceServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.community.*} (docs/community.md, "Settings"): the token and address settings every server has, and the community's. */
@ConfigurationProperties("vetnet.community")
public class CommunityProperties extends ResourceServerSettings {

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
