package eu.vetnet.learning.editions;

import java.time.LocalDate;

/** An edition as its programme's coordinator opens it. */
public record EditionInput(String title, LocalDate starts, LocalDate ends, Enrolment.Policy enrolment, Integer capacity) {
}
