package eu.vetnet.identity.production;

import eu.vetnet.identity.IdentityException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The identity server's production rules, all in one place. Production mode is on when an issuer this server
 * serves or trusts is not on this machine (the built-in issuer's {@code vetnet.identity.issuer.issuer-uri}, env
 * VETNET_IDENTITY_ISSUER_URI, or Keycloak's {@code vetnet.oidc.issuer-uri}, env VETNET_OIDC_ISSUER_URI), or when
 * the Spring profile {@code prod} is active. In production mode the development defaults that would let strangers
 * in (the built-in issuer with its demo users, the published client secret, an issuer over plain HTTP) are refused
 * at start-up, each with the variable that fixes it, all of them at once.
 */
public final class ProductionSafety {

    /** The Spring profile that turns production mode on whatever the URLs. */
    public static final String PROFILE = SafetyRules.PROFILE;

    static final Set<String> PUBLISHED_SECRETS = SafetyRules.PUBLISHED_SECRETS;

    /** What the rules read. {@code externalIssuerUri} empty: the built-in issuer (demo users) is on. */
    public record Settings(String externalIssuerUri, String builtInIssuerUri, String adminClientId,
            String adminClientSecret, Collection<String> activeProfiles) {

        boolean builtInIssuerOn() {
            return externalIssuerUri == null || externalIssuerUri.isBlank();
        }

        String effectiveIssuerUri() {
            return builtInIssuerOn() ? builtInIssuerUri : externalIssuerUri;
        }
    }

    private final Settings settings;
    private final List<SafetyRules.Check> checks;

    public ProductionSafety(Settings settings) {
        this.settings = settings;
        this.checks = List.of(
                new SafetyRules.Check("demo users", this::demoUsers),
                new SafetyRules.Check("client secret", this::adminClientSecret),
                new SafetyRules.Check("plain-HTTP issuer", this::plainHttpIssuer));
    }

    /** Why production mode is on, or null when it is off (a local run). */
    public String productionReason() {
        if (settings.activeProfiles().contains(PROFILE)) {
            return "the Spring profile '" + PROFILE + "' is active";
        }
        if (!settings.builtInIssuerOn() && !Loopback.isLoopbackUri(settings.externalIssuerUri())) {
            return "the issuer is " + settings.externalIssuerUri() + " (VETNET_OIDC_ISSUER_URI)";
        }
        String builtIn = settings.builtInIssuerUri();
        if (builtIn != null && !builtIn.isBlank() && !Loopback.isLoopbackUri(builtIn)) {
            return "the built-in issuer's URL is " + builtIn + " (VETNET_IDENTITY_ISSUER_URI)";
        }
        return null;
    }

    /** Every rule that fails, as "name: what is wrong; the fix"; empty outside production mode. */
    public List<String> failures() {
        return productionReason() == null ? List.of() : SafetyRules.failures(checks);
    }

    /** Throws, naming every failed rule and its fix, when production mode is on and anything is unsafe. */
    public void enforce() {
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            throw new IdentityException(SafetyRules.refusal("identity server", productionReason(), failures,
                    "docs/identity.md, \"Production mode\""));
        }
    }

    private String demoUsers() {
        if (settings.builtInIssuerOn()) {
            return "the built-in issuer would serve the demo users (alice, fabio, paula, ada) with published"
                    + " passwords. Set VETNET_OIDC_ISSUER_URI to the production Keycloak realm"
                    + " (https://sso.example.org/realms/vetnet); the built-in issuer then stays off.";
        }
        return null;
    }

    private String adminClientSecret() {
        String secret = settings.adminClientSecret();
        if (secret == null || secret.isBlank() || PUBLISHED_SECRETS.contains(secret)) {
            return "the admin API's Keycloak client '" + settings.adminClientId() + "' has " + (secret == null
                    || secret.isBlank() ? "no secret" : "the published secret '" + secret + "'")
                    + ". Set VETNET_KEYCLOAK_ADMIN_CLIENT_SECRET to that client's secret in the production realm.";
        }
        return null;
    }

    private String plainHttpIssuer() {
        String issuer = settings.effectiveIssuerUri();
        if (Loopback.isPlainHttpToAnotherHost(issuer)) {
            return "the issuer " + issuer + " is reached over plain HTTP (tokens and the client secret in clear). Set "
                    + (settings.builtInIssuerOn() ? "VETNET_IDENTITY_ISSUER_URI" : "VETNET_OIDC_ISSUER_URI")
                    + " to its https:// URL.";
        }
        return null;
    }
}
