package eu.vetnet.identity.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the gateway's and the identity server's production rules share: the profile that forces production mode,
 * the secrets anyone can read, a rule, and how failures are collected and reported (all at once, each with its fix).
 * Each server's {@code ProductionSafety} lists its own rules.
 */
public final class SafetyRules {

    /** The Spring profile that turns production mode on whatever the URLs. */
    public static final String PROFILE = "prod";

    /**
     * Client secrets anyone can read: the development realm's (deploy/keycloak/vetnet-realm.json, the built-in
     * issuer) and the production realm file's placeholder (deploy/keycloak/vetnet-realm-production.json).
     */
    public static final Set<String> PUBLISHED_SECRETS = Set.of("vetnet-gateway-secret", "CHANGE-ME");

    private SafetyRules() {
    }

    /** One rule: its name, and what is wrong with the fix (null while the rule holds). */
    public record Check(String name, Supplier<String> failure) {
    }

    /** Every rule that fails, as "name: what is wrong; the fix". */
    public static List<String> failures(List<Check> checks) {
        List<String> failures = new ArrayList<>();
        for (Check check : checks) {
            String failure = check.failure().get();
            if (failure != null) {
                failures.add(check.name() + ": " + failure);
            }
        }
        return failures;
    }

    /** The start-up refusal: who refuses, why production mode is on, each failure, and where the rules are written. */
    public static String refusal(String server, String reason, List<String> failures, String doc) {
        return "The " + server + " refuses to start: production mode is on (" + reason + ") and " + failures.size()
                + " setting(s) are unsafe:\n  - " + String.join("\n  - ", failures) + "\n(" + doc + ")";
    }
}
