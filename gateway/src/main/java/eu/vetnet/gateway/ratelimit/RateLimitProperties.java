package eu.vetnet.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.gateway.rate-limit.*}: the per-user token bucket on {@code /api/**}. */
@ConfigurationProperties("vetnet.gateway.rate-limit")
public class RateLimitProperties {

    /** Requests per second a user may make on average. */
    private double replenishPerSecond = 20;
    /** Requests a user may make at once after a quiet spell. */
    private int burst = 40;

    public double getReplenishPerSecond() { return replenishPerSecond; }
    public void setReplenishPerSecond(double replenishPerSecond) { this.replenishPerSecond = replenishPerSecond; }
    public int getBurst() { return burst; }
    public void setBurst(int burst) { this.burst = burst; }
}
