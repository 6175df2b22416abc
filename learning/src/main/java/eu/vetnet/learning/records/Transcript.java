package eu.vetnet.learning.records;

import java.util.List;

/** A learner's record, in the spirit of a Diploma Supplement: per programme, each module's result and the credits earned. */
public record Transcript(String learner, List<ProgrammeRecord> programmes) {

    /** {@code ectsRecognised}: the part of {@code ectsEarned} that is recognised non-formal or informal learning. */
    public record ProgrammeRecord(String programmeId, String title, String organisation, List<ModuleRecord> modules, double ectsEarned,
            double ecvetEarned, double ectsAvailable, double ectsRecognised, boolean complete) {
    }

    public record ModuleRecord(String moduleId, String title, int eqfLevel, boolean passed, String grade, double ectsCredits,
            double ecvetPoints, Result.Kind kind, String at) {
    }
}
