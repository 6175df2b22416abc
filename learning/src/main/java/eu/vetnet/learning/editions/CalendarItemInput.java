package eu.vetnet.learning.editions;

import java.time.Instant;

/** A calendar entry as a facilitator writes it; which fields it needs depends on its kind ({@link EditionRules}). */
public record CalendarItemInput(String moduleId, CalendarItem.Kind kind, String title, Instant starts, Instant ends, String roomId,
        String place, String link) {
}
