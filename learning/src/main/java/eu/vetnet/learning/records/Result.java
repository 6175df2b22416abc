package eu.vetnet.learning.records;

import eu.vetnet.learning.programmes.Person;
import java.time.Instant;

/**
 * A learner's recorded result in one module (docs/learning.md, "Records"). Credits count only when passed; they are
 * the module's at the time, so a later change of the module does not rewrite a transcript.
 *
 * @param grade as the facilitator writes it (a mark, "pass", "A"), or empty
 */
public record Result(String programmeId, String moduleId, String editionId, boolean passed, String grade, double ectsCredits,
        double ecvetPoints, Kind kind, Person recordedBy, Instant at) {

    /** Formal: assessed in the module. Recognised informal learning is the validation's (left for a next step). */
    public enum Kind { FORMAL }
}
