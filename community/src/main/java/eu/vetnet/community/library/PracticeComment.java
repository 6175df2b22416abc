package eu.vetnet.community.library;

import java.time.Instant;

/** A member's comment on a published practice (docs/community.md, "Comments"). Stored whole, as JSON. */
public record PracticeComment(String id, String practiceId, String body, Practice.Author author, Instant createdAt) {

    /** The same comment under another author (an account deleted: its pseudonym). */
    public PracticeComment withAuthor(Practice.Author by) {
        return new PracticeComment(id, practiceId, body, by, createdAt);
    }
}
