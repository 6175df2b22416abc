package eu.vetnet.learning.programmes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A programme: modules designed by its coordinators, run as editions (docs/learning.md, "The model").
 *
 * @param hoursPerCredit the workload one ECTS credit (and one ECVET point) stands for here, 25 to 30 hours
 * @param organisation   the organisation that runs it and signs its credentials; null when its creator had none
 * @param demo           part of the embedded run's demo data (docs/learning.md, "Demo data")
 */
public record Programme(String id, String title, String summary, List<String> languages, int hoursPerCredit, String organisation,
        List<Person> coordinators, Status status, List<ProgrammeModule> modules, boolean demo, Instant createdAt, Instant updatedAt) {

    public enum Status { DRAFT, PUBLISHED }

    public Programme {
        languages = List.copyOf(languages);
        coordinators = List.copyOf(coordinators);
        modules = List.copyOf(modules);
    }

    public boolean coordinatedBy(String userId) {
        return coordinators.stream().anyMatch(p -> p.id().equals(userId));
    }

    public Optional<ProgrammeModule> module(String moduleId) {
        return modules.stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    public double ectsCredits() {
        return modules.stream().mapToDouble(ProgrammeModule::ectsCredits).sum();
    }

    public double ecvetPoints() {
        return modules.stream().mapToDouble(ProgrammeModule::ecvetPoints).sum();
    }

    public Programme with(Status newStatus, List<ProgrammeModule> newModules, Instant at) {
        return new Programme(id, title, summary, languages, hoursPerCredit, organisation, coordinators, newStatus, newModules, demo, createdAt, at);
    }
}
