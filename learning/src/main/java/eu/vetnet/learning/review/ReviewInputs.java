package eu.vetnet.learning.review;

import java.util.List;
import java.util.Map;

/** What people send for peer review (docs/learning.md, "API"). */
public final class ReviewInputs {

    private ReviewInputs() {
    }

    /** A round on an assignment: the rubric's lines and how many peers review each submission. */
    public record RoundInput(String itemId, String title, List<CriterionInput> rubric, Integer reviewersPerSubmission) {
    }

    public record CriterionInput(String text, Integer maxPoints) {
    }

    public record SubmissionInput(Submission.Kind kind, String ref, String note) {
    }

    public record AssessmentInput(Map<String, Integer> scores, String comment) {
    }

    public record PhaseInput(ReviewRound.Phase phase) {
    }

    public record GradeInput(String grade) {
    }
}
