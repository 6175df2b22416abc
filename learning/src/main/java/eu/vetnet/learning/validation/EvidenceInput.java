package eu.vetnet.learning.validation;

import java.util.List;

/** Step 1, identification: the module, what happened, the outcomes it shows, how long it took. */
public record EvidenceInput(String moduleId, Evidence.Kind kind, String title, List<String> outcomes, Integer hours) {
}
