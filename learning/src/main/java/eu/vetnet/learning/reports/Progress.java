package eu.vetnet.learning.reports;

import java.util.List;
import java.util.Map;

/**
 * An edition's progress, for its facilitators (docs/learning.md, "The facilitator's view"): each enrolled learner's
 * attendance, module results, credits, evidence waiting and peer reviews still to write; for each outcome of each module,
 * how many of them have attained it; and where each peer review round stands.
 */
public record Progress(List<LearnerRow> learners, List<OutcomeRow> outcomes, List<RoundRow> reviews) {

    /**
     * @param modules         module id → what the record says: the grade, "passed", "recognised", "not passed", or "" for nothing yet
     * @param evidenceWaiting    informal learning documented and not yet assessed, or validated and not yet certified
     * @param reviewsOutstanding peer assessments allocated to the learner, in rounds being assessed, not yet written
     */
    public record LearnerRow(String learnerId, String name, String username, long attendanceMinutes, Map<String, String> modules,
            double ectsEarned, int evidenceWaiting, int reviewsOutstanding) {
    }

    /**
     * A peer review round: how many submitted, how many of the allocated assessments are written, how many graded.
     *
     * @param outstanding allocated assessments not yet written
     */
    public record RoundRow(String roundId, String title, String phase, int submissions, int assessed, int outstanding, int graded) {
    }

    /** @param descriptor knowledge, skills, or responsibility and autonomy */
    public record OutcomeRow(String moduleId, String descriptor, String outcome, int attained, int of) {
    }
}
