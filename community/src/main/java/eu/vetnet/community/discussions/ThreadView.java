package eu.vetnet.community.discussions;

import eu.vetnet.community.communities.Community;
import eu.vetnet.community.web.Markdown;
import java.time.Instant;
import java.util.List;

/** A discussion as a member reads it: posts as safe HTML, hidden posts only for moderators, what the reader may do. */
public record ThreadView(String id, String communitySlug, String title, String language, Community.Person author, Instant createdAt,
        Instant lastActivityAt, int replyCount, boolean locked, boolean hidden, int flags, String bodyHtml, List<ReplyView> replies,
        boolean canModerate, boolean canReply, Boolean following) {

    public record ReplyView(String id, Community.Person author, String bodyHtml, Instant createdAt, boolean hidden, int flags) {
    }

    public static ThreadView of(DiscussionThread t, List<Reply> replies, boolean moderator) {
        List<ReplyView> shown = replies.stream().filter(r -> moderator || !r.isHidden())
                .map(r -> new ReplyView(r.id(), r.author(), Markdown.toHtml(r.body()), r.createdAt(), r.isHidden(), moderator ? r.flags().size() : 0))
                .toList();
        return new ThreadView(t.id(), t.communitySlug(), t.title(), t.language(), t.author(), t.createdAt(), t.lastActivityAt(),
                t.replyCount(), t.isLocked(), t.isHidden(), moderator ? t.flags().size() : 0, Markdown.toHtml(t.body()), shown, moderator,
                !t.isLocked() || moderator, null);
    }

    /** The same view, saying whether its reader follows the discussion. */
    public ThreadView following(boolean follows) {
        return new ThreadView(id, communitySlug, title, language, author, createdAt, lastActivityAt, replyCount, locked, hidden, flags,
                bodyHtml, replies, canModerate, canReply, follows);
    }
}
