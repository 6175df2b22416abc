package eu.vetnet.learning.review;

import java.util.List;

/**
 * A round as one person sees it. A learner: their submission, what they were given to review (the submission, not its
 * author's name), and once the round is closed the assessments they received (not their reviewers' names) and their
 * grade. The facilitators: everything, names included.
 *
 * @param round the round; for a learner without the allocation (who reviews whom)
 */
public record RoundView(ReviewRound round, int submissions, Submission mine, List<ToReview> toReview, List<Received> received, Grade myGrade,
        FacilitatorView all) {

    public record ToReview(String authorId, Submission.Kind kind, String ref, String note, PeerAssessment mine) {
    }

    public record Received(java.util.Map<String, Integer> scores, int total, String comment) {
    }

    public record FacilitatorView(List<Submission> submissions, List<PeerAssessment> assessments, List<Grade> grades) {
    }
}
