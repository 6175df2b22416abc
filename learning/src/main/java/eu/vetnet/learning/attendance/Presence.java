package eu.vetnet.learning.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How long someone was present within a window, from the stretches the room's history lists them in: the stretches
 * are cut to the window and merged where they overlap (a person in two sessions, or listed twice in one, counts once).
 */
public final class Presence {

    /** One stretch of presence; {@code to} null while it goes on. */
    public record Stretch(Instant from, Instant to) {
    }

    private Presence() {
    }

    /** Whole minutes present in [windowStart, windowEnd); a stretch still going on counts until {@code now}. */
    public static long minutes(List<Stretch> stretches, Instant windowStart, Instant windowEnd, Instant now) {
        List<Stretch> cut = new ArrayList<>();
        for (Stretch s : stretches) {
            Instant from = s.from().isBefore(windowStart) ? windowStart : s.from();
            Instant end = s.to() == null ? now : s.to();
            Instant to = end.isAfter(windowEnd) ? windowEnd : end;
            if (to.isAfter(from)) {
                cut.add(new Stretch(from, to));
            }
        }
        cut.sort(Comparator.comparing(Stretch::from));
        Duration total = Duration.ZERO;
        Instant openFrom = null;
        Instant openTo = null;
        for (Stretch s : cut) {
            if (openTo != null && !s.from().isAfter(openTo)) {
                if (s.to().isAfter(openTo)) {
                    openTo = s.to();
                }
                continue;
            }
            if (openTo != null) {
                total = total.plus(Duration.between(openFrom, openTo));
            }
            openFrom = s.from();
            openTo = s.to();
        }
        if (openTo != null) {
            total = total.plus(Duration.between(openFrom, openTo));
        }
        return total.toMinutes();
    }
}
