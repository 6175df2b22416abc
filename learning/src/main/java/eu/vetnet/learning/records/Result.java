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

    /**
     * FORMAL: assessed in the module. RECOGNISED: non-formal or informal learning validated and certified against the
     * module (docs/learning.md, "Validating informal learning").
     */
    public enum Kind { FORMAL, RECOGNISED }
}
