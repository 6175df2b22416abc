package eu.vetnet.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.redis.GatewayRedis;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

/** The token-bucket script against the launcher's real Redis: burst, refusal, refill at the rate, expiry. */
class RedisTokenBucketRateLimiterIntegrationTests {

    private GatewayRedis redis;
    private final String user = "limiter-test-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        redis = new GatewayRedis(URI.create("redis://" + address.host() + ":" + address.port()));
    }

    @AfterEach
    void close() {
        redis.strings().del(RedisTokenBucketRateLimiter.KEY_PREFIX + user).block(Duration.ofSeconds(5));
        redis.close();
    }

    private static Response take(RedisTokenBucketRateLimiter limiter, String user) {
        return limiter.isAllowed("rooms-api", user).block(Duration.ofSeconds(5));
    }

    @Test
    void theBurstIsAllowedThenRefusedUntilTheRateRefillsIt() throws Exception {
        RedisTokenBucketRateLimiter limiter = new RedisTokenBucketRateLimiter(redis, 2, 3);
        for (int i = 2; i >= 0; i--) {
            Response allowed = take(limiter, user);
            assertTrue(allowed.isAllowed());
            assertEquals(Integer.toString(i), allowed.getHeaders().get("X-RateLimit-Remaining"));
        }
        assertFalse(take(limiter, user).isAllowed(), "the bucket is empty");

        Thread.sleep(1_100); // 2 per second: two tokens back, by Redis's clock
        assertTrue(take(limiter, user).isAllowed());
        assertTrue(take(limiter, user).isAllowed());
        assertFalse(take(limiter, user).isAllowed());
    }

    @Test
    void twoLimitersOnOneRedisDrawOnOneBucket() {
        RedisTokenBucketRateLimiter one = new RedisTokenBucketRateLimiter(redis, 0.001, 2);
        RedisTokenBucketRateLimiter other = new RedisTokenBucketRateLimiter(redis, 0.001, 2);
        assertTrue(take(one, user).isAllowed());
        assertTrue(take(other, user).isAllowed());
        assertFalse(take(one, user).isAllowed());
        assertFalse(take(other, user).isAllowed());
        assertTrue(take(other, "someone-else-" + user).isAllowed(), "another user has a bucket of their own");
        redis.strings().del(RedisTokenBucketRateLimiter.KEY_PREFIX + "someone-else-" + user).block(Duration.ofSeconds(5));
    }

    @Test
    void aBucketExpiresOnceItWouldBeFullAgain() {
        RedisTokenBucketRateLimiter limiter = new RedisTokenBucketRateLimiter(redis, 10, 20);
        take(limiter, user);
        long ttl = redis.strings().pttl(RedisTokenBucketRateLimiter.KEY_PREFIX + user).block(Duration.ofSeconds(5));
        assertTrue(ttl > 0 && ttl <= 3_000, "20 tokens at 10 per second refill in 2 s (+1 s): " + ttl + " ms");
    }
}
