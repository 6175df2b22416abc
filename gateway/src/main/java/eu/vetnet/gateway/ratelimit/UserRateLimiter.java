package eu.vetnet.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/**
 * A token bucket per user for the RequestRateLimiter filter: {@code burst} requests at once, then
 * {@code replenishPerSecond} on average. Where the buckets live is the subclass's business (this JVM, or Redis for
 * several gateways); the answer and its headers are the same.
 */
public abstract class UserRateLimiter implements RateLimiter<UserRateLimiter.Config> {

    protected final double perSecond;
    protected final int burst;
    private final Map<String, Config> config = new ConcurrentHashMap<>();

    protected UserRateLimiter(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("vetnet.gateway.rate-limit needs replenish-per-second > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** The filter's answer: allowed or not, with the tokens left. */
    protected Response response(boolean allowed, long remaining) {
        return new Response(allowed, Map.of(
                "X-RateLimit-Remaining", Long.toString(Math.max(remaining, 0)),
                "X-RateLimit-Burst-Capacity", Integer.toString(burst),
                "X-RateLimit-Replenish-Rate", Double.toString(perSecond)));
    }

    @Override
    public Map<String, Config> getConfig() {
        return config;
    }

    @Override
    public Class<Config> getConfigClass() {
        return Config.class;
    }

    @Override
    public Config newConfig() {
        return new Config();
    }

    /** The filter's per-route configuration; the rate comes from {@link RateLimitProperties}. */
    public static class Config {
    }
}
