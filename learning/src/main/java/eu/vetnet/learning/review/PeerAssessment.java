package eu.vetnet.learning.review;

import java.time.Instant;
import java.util.Map;

/** One reviewer's assessment of one submission: points per rubric line, and a comment the author reads (without the reviewer's name). */
public record PeerAssessment(String roundId, String reviewerId, String authorId, Map<String, Integer> scores, String comment, Instant at) {

    public PeerAssessment {
        scores = Map.copyOf(scores);
    }

    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }
}
