package eu.vetnet.learning.reports;

import java.util.List;
import java.util.Map;

/**
 * An edition's progress, for its facilitators (docs/learning.md, "The facilitator's view"): each enrolled learner's
 * attendance, module results, credits and evidence waiting; and for each outcome of each module, how many of them
 * have attained it.
 */
public record Progress(List<LearnerRow> learners, List<OutcomeRow> outcomes) {

    /**
     * @param modules         module id → what the record says: the grade, "passed", "recognised", "not passed", or "" for nothing yet
     * @param evidenceWaiting informal learning documented and not yet assessed, or validated and not yet certified
     */
    public record LearnerRow(String learnerId, String name, String username, long attendanceMinutes, Map<String, String> modules,
            double ectsEarned, int evidenceWaiting) {
    }

    /** @param descriptor knowledge, skills, or responsibility and autonomy */
    public record OutcomeRow(String moduleId, String descriptor, String outcome, int attained, int of) {
    }
}
