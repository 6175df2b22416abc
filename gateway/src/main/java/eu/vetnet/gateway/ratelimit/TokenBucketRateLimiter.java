package eu.vetnet.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * An in-memory token bucket per key (the user), for one gateway. Several gateways each allow the full rate; the
 * RequestRateLimiter with Redis shares one budget when that matters. Never blocks: a bucket is a few arithmetic
 * operations under its own monitor.
 */
public final class TokenBucketRateLimiter implements RateLimiter<TokenBucketRateLimiter.Config> {

    /** Buckets idle this long are full again, so forgetting them changes nothing. */
    private static final int MAX_BUCKETS = 100_000;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Config> config = new ConcurrentHashMap<>();

    public TokenBucketRateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    TokenBucketRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("vetnet.gateway.rate-limit needs replenish-per-second > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return Mono.fromSupplier(() -> take(id));
    }

    Response take(String id) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            long idle = (long) (burst / perSecond * 1e9);
            buckets.entrySet().removeIf(e -> e.getValue().idleSince(now) > idle);
        }
        Bucket bucket = buckets.computeIfAbsent(id, k -> new Bucket(burst, now));
        long remaining = bucket.take(now, perSecond, burst);
        return new Response(remaining >= 0, Map.of(
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

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** Tokens left after taking one, or -1 when there was none to take. */
        synchronized long take(long now, double perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens < 1) {
                return -1;
            }
            tokens -= 1;
            return (long) tokens;
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
