package eu.vetnet.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetnet.gateway.rate-limit.*}: the per-user token bucket on {@code /api/**}, and the bucket per reader of the
 * public pages (a signed-in person, or a visitor's address).
 */
@ConfigurationProperties("vetnet.gateway.rate-limit")
public class RateLimitProperties {

    /** Requests per second a user may make on average. */
    private double replenishPerSecond = 20;
    /** Requests a user may make at once after a quiet spell. */
    private int burst = 40;
    /** Public pages and feeds (the library's and communities' public face): requests per second per reader... */
    private double publicReplenishPerSecond = 10;
    /** ...and at once after a quiet spell (a page with its feed and sitemap, a search typed letter by letter). */
    private int publicBurst = 100;

    public double getReplenishPerSecond() { return replenishPerSecond; }
    public void setReplenishPerSecond(double replenishPerSecond) { this.replenishPerSecond = replenishPerSecond; }
    public int getBurst() { return burst; }
    public void setBurst(int burst) { this.burst = burst; }
    public double getPublicReplenishPerSecond() { return publicReplenishPerSecond; }
    public void setPublicReplenishPerSecond(double v) { this.publicReplenishPerSecond = v; }
    public int getPublicBurst() { return publicBurst; }
    public void setPublicBurst(int v) { this.publicBurst = v; }
}
