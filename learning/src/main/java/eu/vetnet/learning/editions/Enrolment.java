package eu.vetnet.learning.editions;

import java.time.Instant;

/**
 * A person's place in an edition (docs/learning.md, "Enrolment").
 *
 * @param at                when the status was last set: the waiting list is served oldest first
 * @param attendanceConsent whether the learner agreed that their attendance at live sessions is read from the rooms'
 *                          history (docs/learning.md, "Attendance"); null, as false, until they say
 * @param consentAt         when they last said yes or no
 */
public record Enrolment(String editionId, String learnerId, String username, String name, Status status, Instant at,
        Boolean attendanceConsent, Instant consentAt) {

    /** How people get in: anyone until it is full, on a facilitator's approval, or by invitation only. */
    public enum Policy { OPEN, APPROVAL, INVITATION }

    public enum Status { ENROLLED, WAITING, REQUESTED, WITHDRAWN }

    public Enrolment with(Status newStatus, Instant when) {
        return new Enrolment(editionId, learnerId, username, name, newStatus, when, attendanceConsent, consentAt);
    }

    public Enrolment withConsent(boolean consent, Instant when) {
        return new Enrolment(editionId, learnerId, username, name, status, at, consent, when);
    }

    public boolean consentsToAttendance() {
        return Boolean.TRUE.equals(attendanceConsent);
    }
}
