package eu.vetnet.learning.programmes;

import java.util.List;

/** A programme as its coordinator writes it; {@code hoursPerCredit} defaults to 25. */
public record ProgrammeInput(String title, String summary, List<String> languages, Integer hoursPerCredit) {
}
