package eu.vetnet.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * The buckets in this JVM, for one gateway (several would each allow the full rate: they use
 * {@link RedisTokenBucketRateLimiter}). Never blocks: a bucket is a few arithmetic operations under its own monitor.
 */
public final class TokenBucketRateLimiter extends UserRateLimiter {

    /** Buckets idle this long are full again, so forgetting them changes nothing. */
    private static final int MAX_BUCKETS = 100_000;

    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketRateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    TokenBucketRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        super(perSecond, burst);
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
        return response(remaining >= 0, remaining);
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
