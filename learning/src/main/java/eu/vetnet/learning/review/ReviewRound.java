package eu.vetnet.learning.review;

import eu.vetnet.learning.programmes.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round of peer review of an assignment's deliverables (docs/learning.md, "Peer review"), in phases: learners
 * submit a board, a document or a practice; the server allocates reviewers among them; each assesses what they were
 * given with the rubric; the facilitators moderate and grade; the round closes and everyone sees what they received.
 *
 * @param allocation reviewer's learner id → the authors whose submissions they review (set when assessment opens)
 */
public record ReviewRound(String id, String editionId, String itemId, String title, List<Criterion> rubric, int reviewersPerSubmission,
        Phase phase, Map<String, List<String>> allocation, Person createdBy, Instant createdAt) {

    public enum Phase { SUBMISSION, ASSESSMENT, GRADING, CLOSED }

    /** One line of the rubric: what is judged, and the points it can give. */
    public record Criterion(String id, String text, int maxPoints) {
    }

    public ReviewRound {
        rubric = List.copyOf(rubric);
        allocation = Map.copyOf(allocation);
    }

    public int maxPoints() {
        return rubric.stream().mapToInt(Criterion::maxPoints).sum();
    }

    ReviewRound with(Phase next, Map<String, List<String>> newAllocation) {
        return new ReviewRound(id, editionId, itemId, title, rubric, reviewersPerSubmission, next, newAllocation, createdBy, createdAt);
    }
}
