package eu.vetnet.community.library;

import eu.vetnet.community.notifications.Notification;
import eu.vetnet.community.notifications.Notifications;
import eu.vetnet.community.storage.BoundedReads;
import eu.vetnet.community.storage.CassandraComments;
import eu.vetnet.community.web.Markdown;
import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.account.Pseudonym;
import eu.vetnet.identity.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.http.HttpStatus;

/**
 * Comments on published practices (docs/community.md, "Comments"): members comment in Markdown (rendered safely),
 * read oldest first with the practice; a comment goes by its author's or an admin's hand; the practice's authors are
 * told. Not on the public page: comments are the members' conversation, not the publication.
 */
public final class Comments {

    public static final int MAX_BODY = 5_000;
    /** Comments listed with a practice, oldest first. */
    public static final int LISTED = 500;
    /** Comments one person's download carries, and a deletion reads per round. */
    static final int EXPORTED = 5_000;

    /** A comment as the reader sees it: its author, the body as safe HTML, and whether the reader may delete it. */
    public record CommentView(String id, Practice.Author author, String bodyHtml, Instant createdAt, boolean mayDelete) {
    }

    /** A comment as its writer's own data lists it. */
    public record Written(String practice, String body, Instant at) {
    }

    private final CassandraComments store;
    private final Library library;
    private final WriteLimiter limiter;
    private final Notifications notifications;
    private final Clock clock;

    public Comments(CassandraComments store, Library library, WriteLimiter limiter, Notifications notifications, Clock clock) {
        this.store = store;
        this.library = library;
        this.limiter = limiter;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The comments of a practice the reader may read (404 otherwise, as for the practice). */
    public CompletionStage<List<CommentView>> list(VetnetUser user, String practiceId) {
        return library.read(user, practiceId).thenCompose(p -> listed(user, practiceId));
    }

    /** The comments of a practice already known to be readable (after a write: no second read of the practice). */
    private CompletionStage<List<CommentView>> listed(VetnetUser user, String practiceId) {
        return store.of(practiceId, LISTED).thenApply(list -> list.stream().map(c -> view(c, user)).toList());
    }

    public CompletionStage<List<CommentView>> add(VetnetUser user, String practiceId, String body) {
        if (user.roles().isEmpty()) {
            throw ApiException.forbidden("only members of the community comment", "ask an administrator for a role");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw ApiException.badRequest("a comment has " + text.length() + " characters", "write 1 to " + MAX_BODY);
        }
        limiter.take(user.id());
        return library.read(user, practiceId).thenCompose(p -> {
            if (!"PUBLISHED".equals(p.status())) {
                throw new ApiException(HttpStatus.CONFLICT, "practice " + practiceId + " is a draft", "comments come once it is published");
            }
            PracticeComment c = new PracticeComment(CassandraComments.newId(), practiceId, text,
                    new Practice.Author(user.id(), user.displayName()), clock.instant());
            return store.save(c, true).thenAccept(saved -> p.authors().stream().filter(a -> !a.id().equals(user.id()))
                    .forEach(a -> notifications.notify(a.id(), Notification.Kind.COMMENT,
                            user.displayName() + " commented on your practice: " + p.title(), "/library/practices/" + practiceId,
                            Map.of("who", user.displayName(), "title", p.title()))));
        }).thenCompose(v -> listed(user, practiceId));
    }

    public CompletionStage<List<CommentView>> delete(VetnetUser user, String practiceId, String commentId) {
        return store.find(practiceId, commentId).thenCompose(found -> {
            PracticeComment c = found.orElseThrow(() -> ApiException.notFound("no comment " + commentId + " on practice " + practiceId));
            if (!mayDelete(c, user)) {
                throw ApiException.forbidden("only its author or an administrator deletes a comment", "ask an administrator");
            }
            return store.delete(c);
        }).thenCompose(v -> list(user, practiceId));
    }

    /** What {@code user} commented, newest first, for their own data. */
    public CompletionStage<List<Written>> writtenBy(VetnetUser user) {
        return store.by(user.id(), EXPORTED).thenCompose(list -> BoundedReads.each(list, w -> store.find(w.practiceId(), w.commentId())
                .thenApply(c -> c.map(x -> new Written(x.practiceId(), x.body(), x.createdAt())))));
    }

    /**
     * An account deleted (docs/community.md, "Deleting an account"): the person's comments stay, under {@code as}, each
     * then dropped from their index. Answers how many.
     */
    public CompletionStage<Integer> forget(String personId, Pseudonym as) {
        Practice.Author by = new Practice.Author(as.id(), as.name());
        return BoundedReads.drain(() -> store.by(personId, EXPORTED), w -> store.find(w.practiceId(), w.commentId())
                .thenCompose(found -> found.filter(c -> c.author().id().equals(personId))
                        .map(c -> store.save(c.withAuthor(by), false).thenApply(x -> Optional.of(x)))
                        .orElse(CompletableFuture.completedFuture(Optional.empty())))
                .thenCompose(x -> store.forget(personId, w)));
    }

    private static CommentView view(PracticeComment c, VetnetUser user) {
        return new CommentView(c.id(), c.author(), Markdown.toHtml(c.body()), c.createdAt(), mayDelete(c, user));
    }

    private static boolean mayDelete(PracticeComment c, VetnetUser user) {
        return user != null && (c.author().id().equals(user.id()) || user.hasRole(Role.ADMIN));
    }
}
