package eu.vetnet.learning.credentials;

import java.time.Instant;

/**
 * A credential as the issuing server keeps it: the signed credential the learner received ({@code jws}), and whether
 * it was revoked since.
 */
public record IssuedCredential(String id, String learnerId, String issuer, String programmeId, int statusIndex, String jws,
        Instant issuedAt, Instant revokedAt, String revokedReason) {
}
