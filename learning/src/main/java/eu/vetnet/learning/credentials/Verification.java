package eu.vetnet.learning.credentials;

import java.util.List;
import java.util.Map;

/**
 * What checking a credential found: verified only when every check passed. Each check says what it looked at, so a
 * refusal tells the reader why (a changed byte fails "signature"; a revoked credential fails "status").
 *
 * @param credential the credential's content as it reads (shown even when a check failed, never trusted then)
 */
public record Verification(boolean verified, List<Check> checks, String issuerName, Map<String, Object> credential) {

    public record Check(String name, boolean passed, String detail) {
    }
}
