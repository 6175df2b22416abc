package eu.vetnet.learning.programmes;

import java.util.List;

/**
 * A module's learning outcomes under the three EQF descriptors (docs/learning.md, "The model"): what the learner
 * knows, what they can do, and with how much responsibility and autonomy.
 */
public record Outcomes(List<String> knowledge, List<String> skills, List<String> responsibilityAndAutonomy) {

    public Outcomes {
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
        skills = skills == null ? List.of() : List.copyOf(skills);
        responsibilityAndAutonomy = responsibilityAndAutonomy == null ? List.of() : List.copyOf(responsibilityAndAutonomy);
    }

    public int count() {
        return knowledge.size() + skills.size() + responsibilityAndAutonomy.size();
    }
}
