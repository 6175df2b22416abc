package eu.vetnet.community.discussions;

import eu.vetnet.community.communities.Community;
import java.time.Instant;

/** A discussion in its community's list (and the home page). {@code flags} counts reports (moderators see it). */
public record ThreadSummary(String id, String title, String language, Community.Person author, Instant createdAt, Instant lastActivityAt,
        int replyCount, boolean locked, boolean hidden, int flags) {

    /** As someone who does not moderate reads it: reports are the moderators' business. */
    public ThreadSummary forMember() {
        return new ThreadSummary(id, title, language, author, createdAt, lastActivityAt, replyCount, locked, hidden, 0);
    }
}
