package eu.vetnet.community.discussions;

import eu.vetnet.community.communities.Community;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A discussion of a community (docs/community.md, "Discussions"): the opening post, in Markdown, with its language;
 * replies are rows of their own. Moderators lock a thread (no more replies) or hide it; members flag what they think a
 * moderator should see.
 */
public record DiscussionThread(String id, String communityId, String communitySlug, String title, String body, String language,
        Community.Person author, Instant createdAt, Instant lastActivityAt, int replyCount, Boolean locked, Boolean hidden,
        List<Flag> flags) {

    /** Someone's report of a post, with why. One per person and post. */
    public record Flag(String by, String reason, Instant at) {
    }

    public DiscussionThread {
        locked = Boolean.TRUE.equals(locked);
        hidden = Boolean.TRUE.equals(hidden);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public boolean isLocked() {
        return Boolean.TRUE.equals(locked);
    }

    public boolean isHidden() {
        return Boolean.TRUE.equals(hidden);
    }

    public DiscussionThread replied(Instant at) {
        return new DiscussionThread(id, communityId, communitySlug, title, body, language, author, createdAt, at, replyCount + 1,
                locked, hidden, flags);
    }

    public DiscussionThread moderated(Boolean lock, Boolean hide) {
        return new DiscussionThread(id, communityId, communitySlug, title, body, language, author, createdAt, lastActivityAt, replyCount,
                lock == null ? locked : lock, hide == null ? hidden : hide, flags);
    }

    public DiscussionThread flagged(Flag f) {
        List<Flag> all = new ArrayList<>(flags);
        all.removeIf(x -> x.by().equals(f.by()));
        all.add(f);
        return new DiscussionThread(id, communityId, communitySlug, title, body, language, author, createdAt, lastActivityAt, replyCount,
                locked, hidden, all);
    }

    /** The same post under another author (an account deleted: its pseudonym). */
    public DiscussionThread withAuthor(Community.Person by) {
        return new DiscussionThread(id, communityId, communitySlug, title, body, language, by, createdAt, lastActivityAt, replyCount,
                locked, hidden, flags);
    }

    public ThreadSummary summary() {
        return new ThreadSummary(id, title, language, author, createdAt, lastActivityAt, replyCount, isLocked(), isHidden(), flags.size());
    }
}
