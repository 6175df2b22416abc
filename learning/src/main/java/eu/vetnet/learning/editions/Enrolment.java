package eu.vetnet.learning.editions;

import java.time.Instant;

/**
 * A person's place in an edition (docs/learning.md, "Enrolment").
 *
 * @param at when the status was last set: the waiting list is served oldest first
 */
public record Enrolment(String editionId, String learnerId, String username, String name, Status status, Instant at) {

    /** How people get in: anyone until it is full, on a facilitator's approval, or by invitation only. */
    public enum Policy { OPEN, APPROVAL, INVITATION }

    public enum Status { ENROLLED, WAITING, REQUESTED, WITHDRAWN }

    public Enrolment with(Status newStatus, Instant when) {
        return new Enrolment(editionId, learnerId, username, name, newStatus, when);
    }
}
