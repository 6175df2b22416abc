package eu.vetnet.rooms.policy;

import java.util.List;
import java.util.Set;

/**
 * Findings of the adversarial generator that are reported and not fixed yet, each with its reproduction in
 * {@link AdversarialFindingsTests} (disabled until the fix). TEMPORARY: an entry goes when its fix lands, and the
 * reproduction is enabled then. A finding of a run matches an entry only by its kind and a {@link Diagnosis} feature
 * of the updates that caused it; anything else fails the run. With {@code -Dvetnet.adversarial.strict=true} (the soak
 * command) open findings fail the run too. Nothing here changes what the oracle checks: it only says which failures
 * are already known.
 */
final class OpenFindings {

    record Open(int number, String title, Set<String> kinds, String feature) {
        boolean matches(Finding f) {
            return kinds.contains(f.kind()) && (feature == null || f.features().contains(feature));
        }
    }

    /** None open: findings 1 to 11 are fixed, and their reproductions in AdversarialFindingsTests run. */
    static final List<Open> OPEN = List.of();

    private OpenFindings() {
    }

    /** The open finding {@code f} is an instance of, or null. */
    static Open of(Finding f) {
        for (Open o : OPEN) {
            if (o.matches(f)) {
                return o;
            }
        }
        return null;
    }
}
