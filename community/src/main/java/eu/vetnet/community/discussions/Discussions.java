package eu.vetnet.community.discussions;

import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.communities.Community;
import eu.vetnet.community.notifications.Notifications;
import eu.vetnet.community.people.People;
import eu.vetnet.community.reference.ReferenceData;
import eu.vetnet.community.storage.BoundedReads;
import eu.vetnet.community.storage.CassandraDiscussions;
import eu.vetnet.community.storage.WriteLanes;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.account.Pseudonym;
import eu.vetnet.identity.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;

/**
 * Discussions, the asynchronous half of a community (docs/community.md, "Discussions"): members open threads and
 * reply in Markdown (rendered safely), tagged by language; anyone flags a post for the moderators; moderators lock a
 * thread or hide a thread or a reply. Only members (and platform admins) read them: nothing here is public.
 */
public final class Discussions {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_REPLY = 10_000;
    public static final int MAX_REASON = 300;
    /** Replies per thread: past this, a new thread. */
    public static final int MAX_REPLIES = 500;
    static final int LISTED = 200;

    private final CassandraDiscussions store;
    private final Communities communities;
    private final ReferenceData reference;
    private final Clock clock;
    private final WriteLanes lanes = new WriteLanes();
    private final PostNotices notices;

    public Discussions(CassandraDiscussions store, Communities communities, ReferenceData reference, Notifications notifications,
            People people, Clock clock) {
        this.store = store;
        this.communities = communities;
        this.reference = reference;
        this.clock = clock;
        this.notices = new PostNotices(store, communities, people, notifications);
    }

    public CompletionStage<List<ThreadSummary>> list(String slug, VetnetUser user, String language) {
        Community c = communities.existing(slug);
        return communities.requireMember(c, user).thenCompose(role -> store.summaries(c.id(), THREADS_READ).thenApply(list -> list.stream()
                .filter(t -> role == Community.Role.MODERATOR || !t.hidden())
                .filter(t -> language == null || language.isBlank() || language.equalsIgnoreCase(t.language()))
                .map(t -> role == Community.Role.MODERATOR ? t : t.forMember())
                .sorted(Comparator.comparing(ThreadSummary::lastActivityAt).reversed()).limit(LISTED).toList()));
    }

    private static final int THREADS_READ = 500;

    public CompletionStage<ThreadView> open(String slug, VetnetUser user, String title, String body, String language) {
        Community c = communities.existing(slug);
        String t = text("title", title, MAX_TITLE);
        String b = text("body", body, MAX_BODY);
        String lang = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (!reference.isLanguage(lang)) {
            throw ApiException.badRequest("language '" + language + "' is not a language the library lists", "an ISO 639-1 code such as it");
        }
        Instant now = clock.instant();
        DiscussionThread thread = new DiscussionThread(UUID.randomUUID().toString(), c.id(), c.slug(), t, b, lang,
                new Community.Person(user.id(), user.displayName()), now, now, 0, false, false, List.of());
        // Its writer follows it (told of each reply) until they stop.
        return communities.requireMember(c, user).thenCompose(role -> store.save(thread)
                .thenCompose(saved -> store.wrote(user.id(), saved.id(), null))
                .thenCompose(v -> store.follow(thread.id(), user.id(), true))
                .thenCompose(v -> notices.opened(thread, user))
                .thenApply(v -> ThreadView.of(thread, List.of(), role == Community.Role.MODERATOR).following(true)));
    }

    public CompletionStage<ThreadView> read(String threadId, VetnetUser user) {
        return visible(threadId, user).thenCompose(tr -> store.replies(threadId, MAX_REPLIES)
                .thenCombine(store.follows(threadId, user.id()), (replies, following) ->
                        ThreadView.of(tr.thread(), replies, tr.moderator()).following(following)));
    }

    /** Starts or stops {@code user} following a discussion they may read. */
    public CompletionStage<ThreadView> follow(String threadId, VetnetUser user, boolean follow) {
        return visible(threadId, user).thenCompose(tr -> store.follow(threadId, user.id(), follow)).thenCompose(v -> read(threadId, user));
    }

    public CompletionStage<ThreadView> reply(String threadId, VetnetUser user, String body) {
        String b = text("body", body, MAX_REPLY);
        return lanes.run(threadId, () -> visible(threadId, user).thenCompose(tr -> {
            if (tr.thread().isLocked() && !tr.moderator()) {
                throw new ApiException(HttpStatus.CONFLICT, "the discussion is locked", "a moderator locked it; start a new one");
            }
            if (tr.thread().replyCount() >= MAX_REPLIES) {
                throw new ApiException(HttpStatus.CONFLICT, "the discussion has " + MAX_REPLIES + " replies", "start a new discussion");
            }
            Instant now = clock.instant();
            Reply r = new Reply(CassandraDiscussions.newReplyId(), threadId, b, new Community.Person(user.id(), user.displayName()), now, false, List.of());
            // Replying follows the discussion; then the mentioned and the followers are told.
            return store.saveReply(r).thenCompose(x -> store.wrote(user.id(), threadId, r.id()))
                    .thenCompose(x -> store.follow(threadId, user.id(), true))
                    .thenCompose(x -> store.save(tr.thread().replied(now)))
                    .thenCompose(saved -> notices.replied(saved, r, user).thenApply(x -> saved));
        })).thenCompose(t -> read(threadId, user));
    }

    public CompletionStage<ThreadView> flag(String threadId, VetnetUser user, String replyId, String reason) {
        String why = text("reason", reason, MAX_REASON);
        DiscussionThread.Flag f = new DiscussionThread.Flag(user.id(), why, clock.instant());
        return lanes.run(threadId, () -> visible(threadId, user).thenCompose(tr -> {
            if (replyId == null || replyId.isBlank()) {
                return store.save(tr.thread().flagged(f)).thenApply(x -> null);
            }
            return reply(threadId, replyId).thenCompose(r -> store.saveReply(r.flagged(f))).thenApply(x -> null);
        })).thenCompose(v -> read(threadId, user));
    }

    public CompletionStage<ThreadView> moderate(String threadId, VetnetUser user, Boolean locked, Boolean hidden, String replyId, Boolean replyHidden) {
        return lanes.run(threadId, () -> visible(threadId, user).thenCompose(tr -> {
            if (!tr.moderator()) {
                throw ApiException.forbidden("only moderators lock or hide", "flag the post for the moderators");
            }
            CompletionStage<?> replyChange = replyId == null || replyId.isBlank() || replyHidden == null
                    ? java.util.concurrent.CompletableFuture.completedFuture(null)
                    : reply(threadId, replyId).thenCompose(r -> store.saveReply(r.moderated(replyHidden)));
            return replyChange.thenCompose(x -> locked == null && hidden == null
                    ? java.util.concurrent.CompletableFuture.completedFuture(tr.thread())
                    : store.save(tr.thread().moderated(locked, hidden)));
        })).thenCompose(t -> read(threadId, user));
    }

    private record Readable(DiscussionThread thread, boolean moderator) {
    }

    /** The thread, if the person may read it: a member of its community; hidden ones for moderators only. */
    private CompletionStage<Readable> visible(String threadId, VetnetUser user) {
        return store.find(threadId).thenCompose(found -> {
            DiscussionThread t = found.orElseThrow(() -> ApiException.notFound("no discussion " + threadId));
            Community c = communities.find(t.communitySlug()).orElseThrow(() -> ApiException.notFound("no discussion " + threadId));
            return communities.requireMember(c, user).thenApply(role -> {
                boolean moderator = role == Community.Role.MODERATOR;
                if (t.isHidden() && !moderator) {
                    throw ApiException.notFound("no discussion " + threadId);
                }
                return new Readable(t, moderator);
            });
        });
    }

    /** Posts one person's download carries at most (docs/community.md, "Their own data"). */
    public static final int POSTS_EXPORTED = 5_000;

    /** A post in someone's own data: where, what, when, and whether a moderator hid it. */
    public record WrittenPost(String community, String thread, String title, String reply, String body, Instant at, boolean hidden) {
    }

    /** What {@code user} wrote in discussions, newest first: opening posts and replies, hidden ones too. */
    public CompletionStage<List<WrittenPost>> writtenBy(VetnetUser user) {
        return store.postsBy(user.id(), POSTS_EXPORTED).thenCompose(posts -> {
            // Each thread read once, however many posts in it.
            Map<String, CompletableFuture<Optional<DiscussionThread>>> threads = new ConcurrentHashMap<>();
            return BoundedReads.each(posts, p -> threads.computeIfAbsent(p.thread(), id -> store.find(id).toCompletableFuture())
                    .thenCompose(thread -> written(p, thread)));
        });
    }

    /** A discussion someone follows, as their own data lists it. */
    public record Followed(String community, String thread, String title) {
    }

    /** The discussions {@code user} follows (those since deleted left out). */
    /**
     * An account deleted (docs/community.md, "Deleting an account"): what the person wrote stays, under {@code as};
     * they follow nothing any more. Each post is rewritten in its thread's lane, then dropped from the person's index,
     * so a deletion cut short goes on where it stopped. Answers how many posts now read as {@code as}.
     */
    public CompletionStage<Integer> forget(String personId, Pseudonym as) {
        Community.Person by = new Community.Person(as.id(), as.name());
        return BoundedReads.drain(() -> store.postsBy(personId, POSTS_EXPORTED), post -> lanes.run(post.thread(), () -> (post.reply() == null
                        ? store.find(post.thread()).thenCompose(t -> t.filter(x -> x.author().id().equals(personId))
                                .map(x -> store.save(x.withAuthor(by)).thenApply(saved -> (Object) saved))
                                .orElse(CompletableFuture.completedFuture(null)))
                        : store.reply(post.thread(), post.reply()).thenCompose(r -> r.filter(x -> x.author().id().equals(personId))
                                .map(x -> store.saveReply(x.withAuthor(by)).thenApply(saved -> (Object) saved))
                                .orElse(CompletableFuture.completedFuture(null))))
                        .thenCompose(x -> store.forgetPost(personId, post))))
                .thenCompose(posts -> BoundedReads.drain(() -> store.followedBy(personId, POSTS_EXPORTED),
                        thread -> store.follow(thread, personId, false)).thenApply(unfollowed -> posts));
    }

    public CompletionStage<List<Followed>> followedBy(VetnetUser user) {
        return store.followedBy(user.id(), POSTS_EXPORTED).thenCompose(ids -> BoundedReads.each(ids, id -> store.find(id)
                .thenApply(t -> t.map(thread -> new Followed(thread.communitySlug(), thread.id(), thread.title())))));
    }

    private CompletableFuture<Optional<WrittenPost>> written(CassandraDiscussions.Post p, Optional<DiscussionThread> thread) {
        if (thread.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        DiscussionThread t = thread.get();
        if (p.reply() == null) {
            return CompletableFuture.completedFuture(Optional.of(new WrittenPost(t.communitySlug(), t.id(), t.title(), null, t.body(),
                    t.createdAt(), t.isHidden())));
        }
        return store.reply(p.thread(), p.reply()).toCompletableFuture().thenApply(r -> r.map(reply -> new WrittenPost(t.communitySlug(),
                t.id(), t.title(), reply.id(), reply.body(), reply.createdAt(), Boolean.TRUE.equals(reply.hidden()))));
    }

    private CompletionStage<Reply> reply(String threadId, String replyId) {
        return store.replies(threadId, MAX_REPLIES).thenApply(list -> list.stream().filter(r -> r.id().equals(replyId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no reply " + replyId + " in discussion " + threadId)));
    }

    private static String text(String field, String v, int max) {
        String s = v == null ? "" : v.strip();
        if (s.isEmpty() || s.length() > max) {
            throw ApiException.badRequest(field + " has " + s.length() + " characters", "1 to " + max);
        }
        return s;
    }
}
