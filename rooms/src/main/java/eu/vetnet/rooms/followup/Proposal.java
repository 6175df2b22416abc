package eu.vetnet.rooms.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's output addressed to a policymaker (docs/dialogue.md, "Follow-up"): what the room proposes, the
 * statements and votes behind it as they stood when it was made, and every answer and status update since, so the
 * chain output -> proposal -> answer -> result can be followed.
 *
 * @param addressee the user id of the policymaker who answers; {@code addresseeName} as shown publicly
 * @param participants who took part (user ids): they are told of every answer
 * @param published whether the public tracking page shows it
 */
public record Proposal(String id, String room, String roomTitle, String title, String text, String addressee,
        String addresseeName, List<Evidence> evidence, Status status, List<Answer> answers, boolean published,
        List<String> participants, String createdBy, Instant createdAt) {

    /** Where a proposal stands; the addressee moves it on. */
    public enum Status { OPEN, ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED, IN_PROGRESS, DONE }

    /** A statement behind the proposal, with its votes when the proposal was made. */
    public record Evidence(String statement, String text, int agree, int disagree, int pass) {
    }

    /** An answer or a later update: the new status, the reasons, the planned (or taken) actions. */
    public record Answer(Status status, String text, String actions, String by, String byName, Instant at) {
    }

    public Proposal {
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        answers = List.copyOf(answers == null ? List.of() : answers);
        participants = List.copyOf(participants == null ? List.of() : participants);
        status = status == null ? Status.OPEN : status;
    }

    Proposal answered(Answer answer) {
        List<Answer> all = new ArrayList<>(answers);
        all.add(answer);
        return new Proposal(id, room, roomTitle, title, text, addressee, addresseeName, evidence, answer.status(), all,
                published, participants, createdBy, createdAt);
    }

    Proposal withPublished(boolean now) {
        return new Proposal(id, room, roomTitle, title, text, addressee, addresseeName, evidence, status, answers, now,
                participants, createdBy, createdAt);
    }
}
