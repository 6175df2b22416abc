package eu.vetnet.community.library;

import eu.vetnet.community.search.PracticeIndex;
import eu.vetnet.community.storage.BoundedReads;
import eu.vetnet.community.storage.CassandraPractices;
import eu.vetnet.community.storage.WriteLanes;
import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.account.Pseudonym;
import eu.vetnet.identity.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * What members do with the library (docs/community.md, "Library"): write a practice as a draft, edit it (each save a
 * new version), publish it under the Creative Commons licence they choose, endorse others' practices. Every rule is
 * checked here, before anything is written; the search index follows each write.
 */
public final class Library {

    private static final Logger log = LoggerFactory.getLogger(Library.class);
    /** The most practices "mine" lists. */
    /** The fix of a practice not found: one not published is seen by its authors only. */
    static final String NOT_PUBLISHED = "check the link; a practice that is not published is seen by its authors only";

    static final int MAX_MINE = 500;
    /** The most versions one answer lists. */
    static final int MAX_VERSIONS = 100;

    private final CassandraPractices store;
    private final PracticeIndex index;
    private final PracticeRules rules;
    private final WriteLimiter limiter;
    private final Clock clock;
    private final WriteLanes lanes = new WriteLanes();

    public Library(CassandraPractices store, PracticeIndex index, PracticeRules rules, WriteLimiter limiter, Clock clock) {
        this.store = store;
        this.index = index;
        this.rules = rules;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** A new draft, its writer its first author. */
    public CompletionStage<PracticeView> create(VetnetUser user, PracticeContent content) {
        requireMember(user);
        PracticeContent checked = rules.check(content);
        limiter.take(user.id());
        return create(checked, new Practice.Author(user.id(), user.displayName()), false);
    }

    /** Writes a new practice as given (the demo library uses this too, with {@code demo} set). */
    public CompletionStage<PracticeView> create(PracticeContent checked, Practice.Author author, boolean demo) {
        String id = UUID.randomUUID().toString();
        String slug = Slugs.of(checked.title(), id);
        Instant now = clock.instant();
        Practice p = new Practice(id, slug, 1, Practice.Status.DRAFT, checked, null, List.of(author), 0, now, now, null, demo);
        return store.claimSlug(slug, id).thenCompose(claimed -> {
            if (!claimed) {
                throw new ApiException(HttpStatus.CONFLICT, "the public name " + slug + " is taken", "try again: a new one is made each time");
            }
            return store.save(p, author.id(), List.of(author.id()));
        }).thenApply(saved -> {
            log.info("{} created practice {} ({})", author.id(), id, slug);
            return PracticeView.of(saved, false, true);
        });
    }

    /** A new version of what the authors wrote. */
    public CompletionStage<PracticeView> update(VetnetUser user, String id, PracticeContent content) {
        PracticeContent checked = rules.check(content);
        limiter.take(user.id());
        return lanes.run(id, () -> existing(id).thenCompose(p -> {
            requireAuthorOrAdmin(user, p, "edit");
            Practice next = p.withContent(checked, clock.instant());
            return store.save(next, user.id(), List.of());
        }).thenCompose(saved -> index.apply(saved).thenApply(v -> saved)).thenApply(saved -> {
            return PracticeView.of(saved, false, saved.hasAuthor(user.id()));
        }));
    }

    /** Publishes a draft under a licence (an author's choice); a published practice may change licence only by its authors. */
    public CompletionStage<PracticeView> publish(VetnetUser user, String id, String licence) {
        String chosen = rules.licence(licence);
        limiter.take(user.id());
        return lanes.run(id, () -> existing(id).thenCompose(p -> {
            if (!p.hasAuthor(user.id())) {
                throw ApiException.forbidden("only the authors of practice " + id + " choose its licence and publish it",
                        "ask its authors to publish it");
            }
            return store.save(p.publishedUnder(chosen, clock.instant()), user.id(), List.of());
        }).thenCompose(saved -> index.apply(saved).thenApply(v -> saved)).thenApply(saved -> {
            log.info("{} published practice {} under {}", user.id(), id, chosen);
            return PracticeView.of(saved, false, true);
        }));
    }

    /** Endorses (or withdraws the endorsement of) a published practice of others. */
    public CompletionStage<PracticeView> endorse(VetnetUser user, String id, boolean endorse) {
        requireMember(user);
        limiter.take(user.id());
        return lanes.run(id, () -> existing(id).thenCompose(p -> {
            if (!p.published()) {
                throw ApiException.notFound("practice " + id + " is not published", NOT_PUBLISHED);
            }
            if (p.hasAuthor(user.id())) {
                throw new ApiException(HttpStatus.CONFLICT, "authors do not endorse their own practice", "ask other members to");
            }
            return store.endorse(id, user.id(), user.displayName(), endorse, clock.instant())
                    .thenCompose(count -> store.saveCurrent(p.withEndorsements(count)));
        }).thenCompose(saved -> index.apply(saved).thenApply(v -> saved)).thenApply(saved -> {
            return PracticeView.of(saved, endorse, false);
        }));
    }

    /**
     * An account deleted (docs/community.md, "Deleting an account"): the practices the person writes stay, credited to
     * {@code as} in the current text, in every saved version and in the search index; their endorsements are withdrawn
     * (an endorsement is a person vouching, which means nothing without the person). Answers how many practices.
     */
    public CompletionStage<Integer> forget(String personId, Pseudonym as) {
        Practice.Author by = new Practice.Author(as.id(), as.name());
        return BoundedReads.drain(() -> store.byAuthor(personId, MAX_MINE), p -> lanes.run(p.id(), () -> existing(p.id())
                        .thenCompose(current -> store.saveCurrent(current.withAuthorReplaced(personId, by)))
                        .thenCompose(saved -> index.apply(saved))
                        .thenCompose(v -> store.versions(p.id(), MAX_VERSIONS))
                        .thenCompose(versions -> BoundedReads.each(versions, v -> store.rewriteVersion(
                                new CassandraPractices.Version(v.version(), v.practice().withAuthorReplaced(personId, by), v.savedBy(), v.savedAt()),
                                personId.equals(v.savedBy()) ? as.id() : v.savedBy()).thenApply(x -> Optional.of(v.version()))))
                        .thenCompose(rewritten -> store.forgetAuthor(personId, p.id()))))
                .thenCompose(practices -> BoundedReads.drain(() -> store.endorsedBy(personId, MAX_ENDORSEMENTS_EXPORTED),
                        e -> lanes.run(e.practiceId(), () -> store.endorse(e.practiceId(), personId, null, false, clock.instant())
                                .thenCompose(count -> store.find(e.practiceId()).thenCompose(found -> found
                                        .map(p -> store.saveCurrent(p.withEndorsements(count)).thenCompose(index::apply))
                                        .orElse(java.util.concurrent.CompletableFuture.completedFuture(null))))))
                        .thenApply(withdrawn -> practices));
    }

    /** A practice as the member may see it: published ones for everyone, drafts for their authors and admins. */
    public CompletionStage<PracticeView> read(VetnetUser user, String id) {
        return existing(id).thenCompose(p -> {
            boolean mine = user != null && p.hasAuthor(user.id());
            if (!p.published() && !mine && !(user != null && user.hasRole(Role.ADMIN))) {
                throw ApiException.notFound("no practice " + id, NOT_PUBLISHED);
            }
            if (user == null) {
                return CompletableFuture.completedFuture(PracticeView.of(p, false, false));
            }
            return store.endorses(id, user.id()).thenApply(endorsed -> PracticeView.of(p, endorsed, mine));
        });
    }

    /** A published practice by its public name (the public page and its API). */
    public CompletionStage<Optional<Practice>> published(String slug) {
        if (!Slugs.plausible(slug)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return store.findBySlug(slug).thenApply(p -> p.filter(Practice::published));
    }

    public CompletionStage<List<PracticeView>> mine(VetnetUser user) {
        return store.byAuthor(user.id(), MAX_MINE).thenApply(list -> list.stream()
                .sorted((a, b) -> b.updatedAt().compareTo(a.updatedAt()))
                .map(p -> PracticeView.of(p, false, true)).toList());
    }

    /** A practice someone endorses, as their own data lists it. */
    public record Endorsement(String practice, String slug, String title, Instant at) {
    }

    /** The practices {@code user} endorses (those since deleted are left out). */
    public CompletionStage<List<Endorsement>> endorsedBy(VetnetUser user) {
        return store.endorsedBy(user.id(), MAX_ENDORSEMENTS_EXPORTED).thenCompose(list -> BoundedReads.each(list, e -> store.find(e.practiceId())
                .thenApply(p -> p.map(practice -> new Endorsement(practice.id(), practice.slug(), practice.content().title(), e.at())))));
    }

    /** Endorsements one person's download carries at most. */
    private static final int MAX_ENDORSEMENTS_EXPORTED = 5_000;

    /** The saved versions, newest first: for its authors and admins while a draft, for everyone once published. */
    public CompletionStage<List<CassandraPractices.Version>> versions(VetnetUser user, String id) {
        return read(user, id).thenCompose(v -> store.versions(id, MAX_VERSIONS));
    }

    private CompletionStage<Practice> existing(String id) {
        return store.find(id).thenApply(p -> p.orElseThrow(() -> ApiException.notFound("no practice " + id, NOT_PUBLISHED)));
    }

    private static void requireMember(VetnetUser user) {
        if (user.roles().isEmpty()) {
            throw ApiException.forbidden("only members of the community write in the library",
                    "ask an administrator for a role (participant, facilitator, policymaker)");
        }
    }

    private static void requireAuthorOrAdmin(VetnetUser user, Practice p, String what) {
        if (!p.hasAuthor(user.id()) && !user.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("only the authors of practice " + p.id() + " " + what + " it", "ask one of its authors");
        }
    }
}
