package eu.vetnet.community.counselling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer-counselling case (docs/community.md, "Peer counselling"): a member's real challenge, the peers invited to
 * counsel on it and their answers, the meeting, the room they meet in, and the outcome. Stored whole, as JSON.
 */
public record CounsellingCase(String id, String title, String challenge, String sector, String country, String region,
        List<String> topics, String language, String organisationType, Person author, String organisation, Status status,
        Meeting meeting, List<Invitation> invitations, String roomId, Outcome outcome, String practiceId, Instant createdAt,
        Instant updatedAt) {

    public enum Status { OPEN, MEETING_SET, CLOSED }

    public enum Answer { PENDING, ACCEPTED, DECLINED }

    /** Someone of the case, by the token's subject, with the name and username they had then. */
    public record Person(String id, String name, String username) {
    }

    /** When the peers meet, for how long, and what the member wrote to them. */
    public record Meeting(Instant start, int minutes, String message) {
    }

    public record Invitation(Person peer, Answer status, Instant answeredAt) {
    }

    /** What the peers advised and what the member will do next. */
    public record Outcome(String advice, String nextSteps, Instant recordedAt) {
    }

    public CounsellingCase {
        topics = topics == null ? List.of() : List.copyOf(topics);
        invitations = invitations == null ? List.of() : List.copyOf(invitations);
    }

    public boolean asks(String userId) {
        return author.id().equals(userId);
    }

    public boolean invites(String userId) {
        return invitations.stream().anyMatch(i -> i.peer().id().equals(userId));
    }

    /** The same case with {@code personId}, as its author or an invited peer, shown as {@code in} (an account deleted). */
    public CounsellingCase withPersonReplaced(String personId, Person in) {
        Person by = author.id().equals(personId) ? in : author;
        List<Invitation> all = invitations.stream()
                .map(i -> i.peer().id().equals(personId) ? new Invitation(in, i.status(), i.answeredAt()) : i).toList();
        return new CounsellingCase(id, title, challenge, sector, country, region, topics, language, organisationType, by,
                organisation, status, meeting, all, roomId, outcome, practiceId, createdAt, updatedAt);
    }

    public CounsellingCase invited(List<Person> peers, Meeting when, Instant at) {
        List<Invitation> all = new ArrayList<>(invitations);
        for (Person p : peers) {
            if (!invites(p.id())) {
                all.add(new Invitation(p, Answer.PENDING, null));
            }
        }
        return new CounsellingCase(id, title, challenge, sector, country, region, topics, language, organisationType, author,
                organisation, status, when, all, roomId, outcome, practiceId, createdAt, at);
    }

    public CounsellingCase answered(String peerId, Answer answer, Instant at) {
        List<Invitation> all = invitations.stream()
                .map(i -> i.peer().id().equals(peerId) ? new Invitation(i.peer(), answer, at) : i).toList();
        boolean someoneComes = all.stream().anyMatch(i -> i.status() == Answer.ACCEPTED);
        Status next = status == Status.CLOSED ? Status.CLOSED : someoneComes ? Status.MEETING_SET : Status.OPEN;
        return new CounsellingCase(id, title, challenge, sector, country, region, topics, language, organisationType, author,
                organisation, next, meeting, all, roomId, outcome, practiceId, createdAt, at);
    }

    public CounsellingCase inRoom(String room, Instant at) {
        return new CounsellingCase(id, title, challenge, sector, country, region, topics, language, organisationType, author,
                organisation, status, meeting, invitations, room, outcome, practiceId, createdAt, at);
    }

    public CounsellingCase closedWith(Outcome result, Instant at) {
        return new CounsellingCase(id, title, challenge, sector, country, region, topics, language, organisationType, author,
                organisation, Status.CLOSED, meeting, invitations, roomId, result, practiceId, createdAt, at);
    }

    public CounsellingCase becamePractice(String practice, Instant at) {
        return new CounsellingCase(id, title, challenge, sector, country, region, topics, language, organisationType, author,
                organisation, status, meeting, invitations, roomId, outcome, practice, createdAt, at);
    }
}
