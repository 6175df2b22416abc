package eu.vetnet.learning.storage;

import com.nimbusds.jose.jwk.ECKey;
import eu.vetnet.learning.credentials.IssuerKey;
import eu.vetnet.storage.BackgroundSession;
import eu.vetnet.storage.Rows;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Issuers' signing keys: written once each (IF NOT EXISTS), retired by setting when they stopped signing. */
public final class CassandraIssuerKeys {

    private final BackgroundSession db;

    public CassandraIssuerKeys(BackgroundSession db) {
        this.db = db;
    }

    public CompletionStage<List<IssuerKey>> of(String issuer) {
        var s = db.now();
        return s.session().executeAsync(s.get("selectKeys").bind(issuer)).thenCompose(rs -> {
            List<IssuerKey> out = new ArrayList<>();
            return Rows.each(rs, row -> out.add(new IssuerKey(issuer, row.getString("kid"), row.getString("name"), parse(row.getString("jwk")),
                    row.getInstant("created_at"), row.getInstant("retired_at")))).thenApply(v -> out);
        });
    }

    /** Whether the key was written (false: its kid was taken, which a random kid makes all but impossible). */
    public CompletionStage<Boolean> insert(IssuerKey key) {
        var s = db.now();
        return s.session().executeAsync(s.get("insertKey").bind(key.issuer(), key.kid(), key.name(), key.key().toJSONString(), key.created()))
                .thenApply(rs -> rs.wasApplied());
    }

    public CompletionStage<Void> retire(String issuer, String kid, Instant at) {
        var s = db.now();
        return s.session().executeAsync(s.get("retireKey").bind(at, issuer, kid)).thenApply(rs -> null);
    }

    private static ECKey parse(String jwk) {
        try {
            return ECKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored issuer key is not an EC JWK: " + e.getMessage(), e);
        }
    }
}
