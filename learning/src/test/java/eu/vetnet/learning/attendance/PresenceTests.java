package eu.vetnet.learning.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceTests {

    static final Instant T = Instant.parse("2027-03-01T09:00:00Z");

    static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    static Presence.Stretch s(int from, Integer to) {
        return new Presence.Stretch(at(from), to == null ? null : at(to));
    }

    @Test
    void stretchesAreCutToTheWindowAndOverlapsCountOnce() {
        // 0..60 window; present -10..20, 10..30 (overlapping), 50..90 (past the end).
        assertThat(Presence.minutes(List.of(s(-10, 20), s(10, 30), s(50, 90)), at(0), at(60), at(200))).isEqualTo(30 + 10);
    }

    @Test
    void aStretchStillGoingOnCountsUntilNowAndNothingOutsideTheWindowCounts() {
        assertThat(Presence.minutes(List.of(s(40, null)), at(0), at(60), at(45))).isEqualTo(5);
        assertThat(Presence.minutes(List.of(s(-50, -10), s(70, 80)), at(0), at(60), at(200))).isZero();
        assertThat(Presence.minutes(List.of(), at(0), at(60), at(200))).isZero();
    }

    @Test
    void aStretchInsideAnotherAddsNothing() {
        assertThat(Presence.minutes(List.of(s(0, 60), s(10, 20), s(30, 40)), at(0), at(60), at(200))).isEqualTo(60);
    }
}
