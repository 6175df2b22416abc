package eu.vetnet.learning.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a credential issued by this VET-NET as anyone may ask (docs/learning.md, "Verifying"): its form, its issuer,
 * its signature with the issuer's published key (retired keys included), its validity period, and its position in
 * the issuer's status list. Everything is read from the credential itself; nothing the caller claims besides it counts.
 */
public final class Verifier {

    static final int MAX_LENGTH = 64 * 1024;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Issuers issuers;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final JsonMapper json;
    private final Clock clock;

    public Verifier(Issuers issuers, IssuerKeys keys, StatusLists statusLists, JsonMapper json, Clock clock) {
        this.issuers = issuers;
        this.keys = keys;
        this.statusLists = statusLists;
        this.json = json;
        this.clock = clock;
    }

    public CompletionStage<Verification> verify(String text) {
        List<Verification.Check> checks = new ArrayList<>();
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return done(checks, fail(checks, "format", "no credential, or longer than " + MAX_LENGTH + " characters"), null, null);
        }
        JWSObject jws;
        Map<String, Object> vc;
        try {
            jws = JWSObject.parse(text.strip());
            vc = json.readValue(jws.getPayload().toString(), MAP);
        } catch (ParseException | JacksonException | IllegalArgumentException e) {
            return done(checks, fail(checks, "format", "not a signed credential (a compact JWS with a JSON payload): " + e.getMessage()), null, null);
        }
        var header = jws.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !Jws.TYPE.equals(header.getType())
                || !(vc.get("type") instanceof List<?> types) || !types.contains("VerifiableCredential")) {
            return done(checks, fail(checks, "format", "not a VC-JOSE credential signed with ES256 (typ vc+jwt)"), null, vc);
        }
        checks.add(new Verification.Check("format", true, "a verifiable credential secured as a JWS (ES256)"));
        String kid = header.getKeyID() == null ? "" : header.getKeyID();
        int hash = kid.lastIndexOf('#');
        String issuerId = hash < 0 ? null : kid.substring(0, hash);
        String slug = issuers.slugOf(issuerId);
        if (slug == null || !issuerId.equals(issuerIdOf(vc))) {
            return done(checks, fail(checks, "issuer", "the key '" + kid + "' is not one of an issuer of this VET-NET, or not the credential's issuer"),
                    null, vc);
        }
        String keyId = kid.substring(hash + 1);
        return keys.all(slug).thenCompose(all -> {
            Optional<IssuerKey> key = all.stream().filter(k -> k.kid().equals(keyId)).findFirst();
            if (key.isEmpty()) {
                return done(checks, fail(checks, "issuer", "the issuer has no key " + keyId), null, vc);
            }
            String name = key.get().name();
            checks.add(new Verification.Check("issuer", true, name + " (" + issuerId + ")"));
            if (!signatureHolds(jws, key.get())) {
                return done(checks, fail(checks, "signature", "the signature does not match the content: it was changed after signing"), name, vc);
            }
            checks.add(new Verification.Check("signature", true, "signed with the issuer's key " + keyId + (key.get().active() ? "" : " (since retired)")));
            String period = periodProblem(vc);
            if (period != null) {
                return done(checks, fail(checks, "validity", period), name, vc);
            }
            checks.add(new Verification.Check("validity", true, "valid from " + vc.get("validFrom")));
            return status(vc, slug).thenCompose(problem -> {
                if (problem != null) {
                    return done(checks, fail(checks, "status", problem), name, vc);
                }
                checks.add(new Verification.Check("status", true, "not revoked"));
                return CompletableFuture.completedFuture(new Verification(true, checks, name, vc));
            });
        });
    }

    private static boolean signatureHolds(JWSObject jws, IssuerKey key) {
        try {
            return jws.verify(new ECDSAVerifier(key.key().toECPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private String periodProblem(Map<String, Object> vc) {
        Instant now = clock.instant();
        try {
            Instant from = Instant.parse(String.valueOf(vc.get("validFrom")));
            if (from.isAfter(now)) {
                return "not valid before " + from;
            }
            Object until = vc.get("validUntil");
            if (until != null && !Instant.parse(String.valueOf(until)).isAfter(now)) {
                return "expired on " + until;
            }
            return null;
        } catch (DateTimeParseException e) {
            return "its validity dates cannot be read";
        }
    }

    /** Null when the credential's status list position is clear, else why not. */
    private CompletionStage<String> status(Map<String, Object> vc, String slug) {
        if (!(vc.get("credentialStatus") instanceof Map<?, ?> status) || !"revocation".equals(status.get("statusPurpose"))
                || !issuers.statusList(slug).equals(status.get("statusListCredential"))) {
            return CompletableFuture.completedFuture("it names no revocation status in its issuer's list");
        }
        int index;
        try {
            index = Integer.parseInt(String.valueOf(status.get("statusListIndex")));
        } catch (NumberFormatException e) {
            return CompletableFuture.completedFuture("its status list position cannot be read");
        }
        if (index < 0 || index >= StatusList.SIZE) {
            return CompletableFuture.completedFuture("its status list position is out of range");
        }
        return statusLists.encoded(slug).thenApply(list -> StatusList.isSet(list, index) ? "revoked by its issuer" : null);
    }

    private static String issuerIdOf(Map<String, Object> vc) {
        Object issuer = vc.get("issuer");
        if (issuer instanceof Map<?, ?> m) {
            return String.valueOf(m.get("id"));
        }
        return issuer == null ? null : issuer.toString();
    }

    private static Verification.Check fail(List<Verification.Check> checks, String name, String detail) {
        Verification.Check c = new Verification.Check(name, false, detail);
        checks.add(c);
        return c;
    }

    private static CompletionStage<Verification> done(List<Verification.Check> checks, Verification.Check failed, String issuerName,
            Map<String, Object> vc) {
        return CompletableFuture.completedFuture(new Verification(false, List.copyOf(checks), issuerName, vc));
    }
}
