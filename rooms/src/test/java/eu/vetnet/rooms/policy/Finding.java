package eu.vetnet.rooms.policy;

import java.util.List;
import java.util.Set;

/**
 * What went wrong, with what the report needs to reproduce it; {@code features} are the {@link Diagnosis} of the
 * updates applied in the case up to it (a finding may show only after the update that caused it).
 */
record Finding(String kind, String detail, List<String> tags, String actor, RulesOracle.Role role, String document,
        byte[] update, int step, Set<String> features) {

    Finding(String kind, String detail, List<String> tags, String actor, RulesOracle.Role role, String document,
            byte[] update, int step) {
        this(kind, detail, tags, actor, role, document, update, step, Set.of());
    }

    Finding with(Set<String> f) {
        return new Finding(kind, detail, tags, actor, role, document, update, step, f);
    }
}
