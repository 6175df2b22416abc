package eu.vetnet.learning.records;

/** A facilitator's assessment of one learner in one module. */
public record ResultInput(Boolean passed, String grade) {
}
