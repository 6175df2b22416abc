package eu.vetnet.learning.credentials;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.storage.CassandraCredentials;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.json.JsonMapper;

/** Each issuer's revocation list: encoded from the revoked positions, and published as a signed status list credential. */
public final class StatusLists {

    private final CassandraCredentials store;
    private final Issuers issuers;
    private final IssuerKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    public StatusLists(CassandraCredentials store, Issuers issuers, IssuerKeys keys, JsonMapper json, Clock clock) {
        this.store = store;
        this.issuers = issuers;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** The issuer's list as it is now, encoded ({@link StatusList}). */
    public CompletionStage<String> encoded(String slug) {
        return store.revokedPositions(slug).thenApply(StatusList::encode);
    }

    /** The signed BitstringStatusListCredential that credentials of this issuer point to. */
    public CompletionStage<String> credential(String slug) {
        return keys.all(slug).thenCompose(all -> {
            if (all.isEmpty()) {
                throw ApiException.notFound("no issuer " + slug, "check the address in the credential");
            }
            // The issuer's keys are read once: its newest unretired one signs (one always is: rotation makes its successor first).
            IssuerKey key = all.stream().filter(IssuerKey::active).max(java.util.Comparator.comparing(IssuerKey::created))
                    .orElseThrow(() -> new IllegalStateException("issuer " + slug + " has no active key"));
            return encoded(slug).thenApply(list -> {
                String url = issuers.statusList(slug);
                Map<String, Object> vc = new LinkedHashMap<>();
                vc.put("@context", List.of(CredentialDocument.VC_CONTEXT));
                vc.put("id", url);
                vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
                vc.put("issuer", issuers.id(slug));
                vc.put("validFrom", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
                vc.put("credentialSubject", Map.of("id", url + "#list", "type", "BitstringStatusList", "statusPurpose", "revocation",
                        "encodedList", list));
                return Jws.sign(json.writeValueAsString(vc), issuers.id(slug), key);
            });
        });
    }
}
