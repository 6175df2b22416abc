package eu.vetnet.learning.review;

import java.time.Instant;

/**
 * A learner's deliverable in a round: a VET-NET room's board or document (by the room's id), or a practice of the
 * library (by its link).
 */
public record Submission(String roundId, String learnerId, String name, Kind kind, String ref, String note, Instant at) {

    public enum Kind { BOARD, DOCUMENT, PRACTICE }
}
