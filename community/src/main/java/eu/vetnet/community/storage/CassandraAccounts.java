package eu.vetnet.community.storage;

import eu.vetnet.identity.account.Pseudonym;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the community server keeps of a person as such, for deleting an account (deploy/cassandra/community.cql,
 * {@code account_deletions}, {@code profiles}, {@code community_notifications}, {@code community_digests}).
 */
public final class CassandraAccounts {

    private final CommunityDatabase database;
    private final int keptForSeconds;

    /** @param keptFor how long the pseudonym stays linked to the account id ({@code vetnet.community.pseudonym-kept-for}) */
    public CassandraAccounts(CommunityDatabase database, java.time.Duration keptFor) {
        this.database = database;
        this.keptForSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, keptFor.toSeconds()));
    }

    /**
     * The pseudonym of a deletion: {@code fresh} when this is the first attempt, else the one the first attempt
     * claimed (a lightweight transaction, so two attempts at once agree too).
     */
    public CompletionStage<Pseudonym> claimPseudonym(String userId, Pseudonym fresh, Instant at) {
        var db = database.now();
        return db.session().executeAsync(db.get("claimPseudonym").bind(userId, fresh.id(), fresh.name(), at, keptForSeconds)).thenApply(rs -> {
            if (rs.wasApplied()) {
                return fresh;
            }
            var row = rs.one();
            return new Pseudonym(row.getString("pseudonym_id"), row.getString("pseudonym_name"));
        });
    }

    /** The person's profile, notifications and digest bookkeeping: gone. */
    public CompletionStage<Void> forget(String userId) {
        var db = database.now();
        return CompletableFuture.allOf(
                db.session().executeAsync(db.get("deleteProfile").bind(userId)).toCompletableFuture(),
                db.session().executeAsync(db.get("deleteNotifications").bind(userId)).toCompletableFuture(),
                db.session().executeAsync(db.get("deleteDigest").bind(userId)).toCompletableFuture());
    }
}
