package eu.vetnet.learning.programmes;

import java.util.List;

/**
 * A module of a programme (docs/learning.md, "The model").
 *
 * @param id            short and stable within its programme ({@code m1}, {@code m2}, ...)
 * @param eqfLevel      1 to 8
 * @param workloadHours the learner's notional hours: sessions, self-study and assignments together
 * @param ectsCredits   as declared, or computed from the workload ({@link CreditRules})
 * @param ecvetPoints   as declared, or computed from the workload ({@link CreditRules})
 * @param prerequisites ids of modules of the same programme to complete first
 * @param template      the room template its live sessions start from ({@code curriculumCoDesign}); null for a blank room
 */
public record ProgrammeModule(String id, String title, String description, int eqfLevel, Outcomes outcomes, int workloadHours,
        double ectsCredits, double ecvetPoints, List<String> assessment, List<String> prerequisites, List<String> languages,
        String template) {

    public ProgrammeModule {
        assessment = List.copyOf(assessment);
        prerequisites = List.copyOf(prerequisites);
        languages = List.copyOf(languages);
    }
}
