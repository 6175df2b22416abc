package eu.vetnet.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTests {

    private final AtomicLong now = new AtomicLong();
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(2, 3, now::get);

    @Test
    void burstIsAllowedThenRefusedUntilTokensReplenish() {
        assertTrue(limiter.take("alice").isAllowed());
        assertTrue(limiter.take("alice").isAllowed());
        assertTrue(limiter.take("alice").isAllowed());
        assertFalse(limiter.take("alice").isAllowed());

        now.addAndGet(500_000_000L); // half a second: one token at 2 per second
        assertTrue(limiter.take("alice").isAllowed());
        assertFalse(limiter.take("alice").isAllowed());
    }

    @Test
    void eachUserHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.take("alice");
        }
        assertFalse(limiter.take("alice").isAllowed());
        assertTrue(limiter.take("fabio").isAllowed());
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheBurst() {
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("paula").isAllowed());
        }
        assertFalse(limiter.take("paula").isAllowed());
    }
}
