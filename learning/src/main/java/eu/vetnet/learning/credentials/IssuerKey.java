package eu.vetnet.learning.credentials;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;

/**
 * One signing key of an issuing organisation: P-256 (ES256). The newest unretired key signs; a retired key signs no more
 * and still verifies what it signed (docs/learning.md, "Keys").
 *
 * @param issuer  the organisation's slug ({@link Issuers#slug})
 * @param name    the organisation's name, as credentials show it
 * @param retired when it stopped signing, or null
 */
public record IssuerKey(String issuer, String kid, String name, ECKey key, Instant created, Instant retired) {

    public boolean active() {
        return retired == null;
    }
}
