package eu.vetnet.community.people;

import eu.vetnet.community.communities.Communities;
import eu.vetnet.community.counselling.Counselling;
import eu.vetnet.community.discussions.Discussions;
import eu.vetnet.community.library.Comments;
import eu.vetnet.community.library.Library;
import eu.vetnet.community.storage.CassandraAccounts;
import eu.vetnet.identity.VetnetUser;
import eu.vetnet.identity.account.Pseudonym;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting an account on the community server (docs/community.md, "Deleting an account"). What the person made with
 * others stays, under one pseudonym: their discussion posts, the practices they write (every version), their
 * comments, the cases
 * they asked or counselled on. What was theirs alone goes: the profile, memberships, moderation, follows,
 * endorsements, waiting requests, notifications. Each step is idempotent and the pseudonym is claimed first, so a
 * deletion cut short (a server restart, Cassandra away) is finished by asking again, under the same pseudonym.
 */
public final class AccountDeletion {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    /** What was done, for the person and the log: counts, and who they are now in what stays. */
    public record Deleted(String pseudonymId, String pseudonym, int posts, int practices, int comments, int cases, int communitiesLeft) {
    }

    private final CassandraAccounts accounts;
    private final People people;
    private final Discussions discussions;
    private final Library library;
    private final Comments comments;
    private final Counselling counselling;
    private final Communities communities;
    private final Clock clock;

    public AccountDeletion(CassandraAccounts accounts, People people, Discussions discussions, Library library, Comments comments,
            Counselling counselling, Communities communities, Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.discussions = discussions;
        this.library = library;
        this.comments = comments;
        this.counselling = counselling;
        this.communities = communities;
        this.clock = clock;
    }

    public CompletionStage<Deleted> delete(VetnetUser user) {
        String id = user.id();
        return accounts.claimPseudonym(id, Pseudonym.fresh(), clock.instant()).thenCompose(as -> discussions.forget(id, as)
                .thenCompose(posts -> library.forget(id, as)
                        .thenCompose(practices -> comments.forget(id, as)
                                .thenCompose(commented -> counselling.forget(id, as)
                                        .thenCompose(cases -> communities.forget(id)
                                                .thenCompose(left -> accounts.forget(id).thenApply(v -> {
                                                    people.directory().remove(id);
                                                    return new Deleted(as.id(), as.name(), posts, practices, commented, cases, left);
                                                })))))))
                .whenComplete((d, e) -> {
                    if (e == null) {
                        // The account id and the pseudonym in one line: the log is kept 30 days at most (docs/community.md).
                        log.info("account {} deleted on the community server: now {} in {} posts, {} practices, {} cases; left {} communities",
                                id, d.pseudonymId(), d.posts(), d.practices(), d.cases(), d.communitiesLeft());
                    } else {
                        log.warn("deleting account {} stopped part way (asking again finishes it): {}", id, e.toString());
                    }
                });
    }
}
