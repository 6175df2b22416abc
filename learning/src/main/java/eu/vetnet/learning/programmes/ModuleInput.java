package eu.vetnet.learning.programmes;

import java.util.List;

/**
 * A module as its coordinator writes it; credits left out are computed from the workload ({@link CreditRules}); a
 * template left out (or blank) gives its live sessions blank rooms.
 */
public record ModuleInput(String title, String description, Integer eqfLevel, Outcomes outcomes, Integer workloadHours,
        Double ectsCredits, Double ecvetPoints, List<String> assessment, List<String> prerequisites, List<String> languages,
        String template) {
}
