package eu.vetnet.gateway.production;

import eu.vetnet.gateway.GatewayException;
import eu.vetnet.gateway.signin.OidcProperties;
import eu.vetnet.gateway.signin.SessionProperties;
import eu.vetnet.identity.production.Loopback;
import eu.vetnet.identity.production.SafetyRules;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The gateway's production rules, all in one place. Production mode is on when the public origin
 * ({@code vetnet.gateway.websocket.allowed-origins}, env VETNET_ALLOWED_ORIGINS) names a host other than this
 * machine, or when the Spring profile {@code prod} is active. In production mode every development default that
 * would let strangers in (demo users, the published client secret, cookies sent over plain HTTP, an issuer reached
 * over plain HTTP) is refused at start-up, each with the variable that fixes it. All failures are reported at
 * once, so that one restart is enough to fix them.
 */
public final class ProductionSafety {

    /** The Spring profile that turns production mode on whatever the URLs. */
    public static final String PROFILE = SafetyRules.PROFILE;

    static final Set<String> PUBLISHED_SECRETS = SafetyRules.PUBLISHED_SECRETS;

    private final OidcProperties oidc;
    private final SessionProperties session;
    private final List<String> allowedOrigins;
    private final Collection<String> activeProfiles;
    private final List<SafetyRules.Check> checks;

    public ProductionSafety(OidcProperties oidc, SessionProperties session, List<String> allowedOrigins,
            Collection<String> activeProfiles) {
        this.oidc = oidc;
        this.session = session;
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.activeProfiles = List.copyOf(activeProfiles);
        this.checks = List.of(
                new SafetyRules.Check("demo users", this::demoUsers),
                new SafetyRules.Check("client secret", this::clientSecret),
                new SafetyRules.Check("session cookie", this::sessionCookie),
                new SafetyRules.Check("plain-HTTP issuer", this::plainHttpIssuer),
                new SafetyRules.Check("plain-HTTP origin", this::plainHttpOrigin));
    }

    /** Why production mode is on, or null when it is off (a local run). */
    public String productionReason() {
        if (activeProfiles.contains(PROFILE)) {
            return "the Spring profile '" + PROFILE + "' is active";
        }
        return allowedOrigins.stream().filter(origin -> !Loopback.isLoopbackUri(origin)).findFirst()
                .map(origin -> "the public origin is " + origin + " (VETNET_ALLOWED_ORIGINS)")
                .orElse(null);
    }

    /** Every rule that fails, as "name: what is wrong; the fix"; empty outside production mode. */
    public List<String> failures() {
        return productionReason() == null ? List.of() : SafetyRules.failures(checks);
    }

    /** Throws, naming every failed rule and its fix, when production mode is on and anything is unsafe. */
    public void enforce() {
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            throw new GatewayException(SafetyRules.refusal("gateway", productionReason(), failures,
                    "docs/gateway.md, \"Production mode\""));
        }
    }

    private String demoUsers() {
        if (oidc.getIssuerUri() == null || oidc.getIssuerUri().isBlank()) {
            return "the gateway signs in with the identity server's built-in issuer, whose demo users have published"
                    + " passwords. Set VETNET_OIDC_ISSUER_URI to the production Keycloak realm"
                    + " (https://sso.example.org/realms/vetnet).";
        }
        return null;
    }

    private String clientSecret() {
        String secret = oidc.getClientSecret();
        if (secret == null || secret.isBlank() || PUBLISHED_SECRETS.contains(secret)) {
            return "the client secret of '" + oidc.getClientId() + "' is " + (secret == null || secret.isBlank()
                    ? "empty" : "the published '" + secret + "'") + ". Set VETNET_GATEWAY_CLIENT_SECRET to the"
                    + " secret of that client in the production realm.";
        }
        return null;
    }

    private String sessionCookie() {
        if (!session.isCookieSecure()) {
            return "the session and CSRF cookies would travel over plain HTTP too. Set"
                    + " VETNET_SESSION_COOKIE_SECURE=true (serve the gateway over HTTPS).";
        }
        return null;
    }

    private String plainHttpIssuer() {
        String issuer = oidc.effectiveIssuerUri();
        if (Loopback.isPlainHttpToAnotherHost(issuer)) {
            return "the issuer " + issuer + " is reached over plain HTTP (codes, tokens and the client secret in"
                    + " clear). Set VETNET_OIDC_ISSUER_URI to its https:// URL.";
        }
        return null;
    }

    private String plainHttpOrigin() {
        List<String> plain = allowedOrigins.stream().filter(Loopback::isPlainHttpToAnotherHost).toList();
        if (!plain.isEmpty()) {
            return "the public origin " + String.join(", ", plain) + " is plain HTTP (Secure cookies are never sent"
                    + " back over it). Set VETNET_ALLOWED_ORIGINS to the product's https:// URL.";
        }
        return null;
    }
}
