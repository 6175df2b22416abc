package eu.vetnet.learning.storage;

import com.datastax.oss.driver.api.core.cql.Row;
import eu.vetnet.learning.credentials.IssuedCredential;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Credentials issued and the issuers' status list positions. */
public final class CassandraCredentials {

    static final int MAX_PER_LEARNER = 1_000;

    private final BackgroundSession db;

    public CassandraCredentials(BackgroundSession db) {
        this.db = db;
    }

    /** Claims a status list position for a credential: whether it was free. */
    public CompletionStage<Boolean> claimPosition(String issuer, int index, String credentialId) {
        var s = db.now();
        return s.session().executeAsync(s.get("claimStatusEntry").bind(issuer, index, UUID.fromString(credentialId))).thenApply(rs -> rs.wasApplied());
    }

    public CompletionStage<IssuedCredential> save(IssuedCredential c) {
        var s = db.now();
        UUID id = UUID.fromString(c.id());
        return s.session().executeAsync(s.get("insertCredential").bind(id, c.learnerId(), c.issuer(), UUID.fromString(c.programmeId()),
                c.statusIndex(), c.jws(), c.issuedAt()))
                .thenCompose(rs -> s.session().executeAsync(s.get("insertCredentialByLearner").bind(c.learnerId(), id)))
                .thenApply(rs -> c);
    }

    public CompletionStage<Optional<IssuedCredential>> byId(String id) {
        return db.oneById("selectCredential", id, CassandraCredentials::read);
    }

    public CompletionStage<List<IssuedCredential>> ofLearner(String learnerId) {
        return db.manyByIndex("selectCredentialsByLearner", learnerId, MAX_PER_LEARNER, "selectCredential", CassandraCredentials::read);
    }

    /** Marks the credential and its status list position revoked. */
    public CompletionStage<Void> revoke(IssuedCredential c, String reason, Instant at) {
        var s = db.now();
        return s.session().executeAsync(s.get("revokeStatusEntry").bind(c.issuer(), c.statusIndex()))
                .thenCompose(rs -> s.session().executeAsync(s.get("revokeCredential").bind(at, reason, UUID.fromString(c.id()))))
                .thenApply(rs -> null);
    }

    /** The revoked positions of an issuer's status list. */
    public CompletionStage<List<Integer>> revokedPositions(String issuer) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectStatusEntries").bind(issuer)).thenCompose(rs -> {
            List<Integer> out = new ArrayList<>();
            return Rows.each(rs, row -> {
                if (row.getBoolean("revoked")) {
                    out.add(row.getInt("status_index"));
                }
            }).thenApply(v -> out);
        });
    }

    private static IssuedCredential read(Row row) {
        return new IssuedCredential(row.getUuid("id").toString(), row.getString("learner"), row.getString("issuer"),
                row.getUuid("programme").toString(), row.getInt("status_index"), row.getString("jws"), row.getInstant("issued_at"),
                row.getInstant("revoked_at"), row.getString("revoked_reason"));
    }
}
