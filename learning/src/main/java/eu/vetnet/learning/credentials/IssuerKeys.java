package eu.vetnet.learning.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.storage.CassandraIssuerKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Each issuing organisation's keys: made on its first credential, rotated by an admin (docs/learning.md, "Keys"). */
public final class IssuerKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final CassandraIssuerKeys store;
    private final Clock clock;

    public IssuerKeys(CassandraIssuerKeys store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The key that signs for this issuer now: its newest unretired one, made if it has none. */
    public CompletionStage<IssuerKey> signing(String issuer, String name) {
        return store.of(issuer).thenCompose(keys -> keys.stream().filter(IssuerKey::active).max(Comparator.comparing(IssuerKey::created))
                .map(CompletableFuture::completedFuture).orElseGet(() -> create(issuer, name).toCompletableFuture()));
    }

    /** Every key the issuer ever had: each one verifies what it signed. */
    public CompletionStage<List<IssuerKey>> all(String issuer) {
        return store.of(issuer);
    }

    /** A new signing key; the ones before it retire (and keep verifying). */
    public CompletionStage<IssuerKey> rotate(String issuer) {
        return store.of(issuer).thenCompose(keys -> {
            if (keys.isEmpty()) {
                throw ApiException.notFound("no issuer " + issuer, "an issuer has keys once it has issued its first credential");
            }
            String name = keys.get(0).name();
            return create(issuer, name).thenCompose(made -> {
                CompletableFuture<Void> retired = CompletableFuture.completedFuture(null);
                for (IssuerKey k : keys) {
                    if (k.active()) {
                        retired = retired.thenCompose(v -> store.retire(issuer, k.kid(), clock.instant()));
                    }
                }
                return retired.thenApply(v -> made);
            });
        });
    }

    private CompletionStage<IssuerKey> create(String issuer, String name) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String kid = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "-" + HexFormat.of().formatHex(random);
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make a P-256 key", e);
        }
        IssuerKey made = new IssuerKey(issuer, kid, name, key, clock.instant(), null);
        return store.insert(made).thenApply(written -> {
            if (!written) {
                throw new IllegalStateException("key id " + kid + " of " + issuer + " was taken");
            }
            return made;
        });
    }
}
