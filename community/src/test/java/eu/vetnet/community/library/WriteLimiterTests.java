package eu.vetnet.community.library;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.identity.api.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The write limit across its whole window (a minute), on a clock the test moves: it frees up, not before. */
class WriteLimiterTests {

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aFullMinuteHoldsTheWritesBackThenTheyFlowAgain() {
        MovingClock clock = new MovingClock();
        WriteLimiter limiter = new WriteLimiter(3, clock);
        for (int i = 0; i < 3; i++) {
            limiter.take("lucia");
            clock.now = clock.now.plusSeconds(10);
        }
        ApiException refused = assertThrows(ApiException.class, () -> limiter.take("lucia"));
        assertEquals(429, refused.status().value());
        assertTrue(refused.toError().fix().startsWith("wait 30 s"), refused.toError().fix());
        assertDoesNotThrow(() -> limiter.take("marco"), "one person's limit is theirs alone");
        clock.now = clock.now.plus(Duration.ofSeconds(29));
        assertThrows(ApiException.class, () -> limiter.take("lucia"), "still within the minute of the first write");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> limiter.take("lucia"), "the first write left the window");
        assertThrows(ApiException.class, () -> limiter.take("lucia"), "the second and third are still in it");
    }
}
