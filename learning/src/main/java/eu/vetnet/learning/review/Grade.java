package eu.vetnet.learning.review;

import eu.vetnet.learning.programmes.Person;
import java.time.Instant;

/**
 * An author's grade in a round: the points their reviewers gave on average (of the rubric's maximum), and the grade the
 * facilitator sets after moderating (empty until then).
 */
public record Grade(String roundId, String authorId, String name, double points, int maxPoints, int reviews, String grade, Person moderatedBy,
        Instant at) {
}
