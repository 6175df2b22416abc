package eu.vetnet.community.discussions;

import eu.vetnet.community.communities.Community;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A reply in a discussion, in Markdown; its id is a time-based UUID, so replies read in the order they were written. */
public record Reply(String id, String threadId, String body, Community.Person author, Instant createdAt, Boolean hidden,
        List<DiscussionThread.Flag> flags) {

    public Reply {
        hidden = Boolean.TRUE.equals(hidden);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public boolean isHidden() {
        return Boolean.TRUE.equals(hidden);
    }

    public Reply moderated(boolean hide) {
        return new Reply(id, threadId, body, author, createdAt, hide, flags);
    }

    /** The same reply under another author (an account deleted: its pseudonym). */
    public Reply withAuthor(Community.Person by) {
        return new Reply(id, threadId, body, by, createdAt, hidden, flags);
    }

    public Reply flagged(DiscussionThread.Flag f) {
        List<DiscussionThread.Flag> all = new ArrayList<>(flags);
        all.removeIf(x -> x.by().equals(f.by()));
        all.add(f);
        return new Reply(id, threadId, body, author, createdAt, hidden, all);
    }
}
