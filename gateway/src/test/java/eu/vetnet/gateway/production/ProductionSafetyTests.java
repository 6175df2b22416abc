package eu.vetnet.gateway.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.GatewayException;
import eu.vetnet.gateway.signin.OidcProperties;
import eu.vetnet.gateway.signin.SessionProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each unsafe default refused in production mode with the variable that fixes it; local runs untouched. */
class ProductionSafetyTests {

    private static final String PUBLIC_ORIGIN = "https://vetnet.example.org";

    private final OidcProperties oidc = new OidcProperties();
    private final SessionProperties session = new SessionProperties();
    private List<String> origins = List.of(PUBLIC_ORIGIN);
    private List<String> profiles = List.of();

    /** What a correct production deployment sets. */
    private void configureSafely() {
        oidc.setIssuerUri("https://sso.example.org/realms/vetnet");
        oidc.setClientSecret("s3cret-from-keycloak");
        session.setCookieSecure(true);
    }

    private ProductionSafety safety() {
        return new ProductionSafety(oidc, session, origins, profiles);
    }

    private String failure() {
        return assertThrows(GatewayException.class, () -> safety().enforce()).getMessage();
    }

    @Test
    void safeProductionConfigurationPasses() {
        configureSafely();

        assertNotNull(safety().productionReason());
        assertEquals(List.of(), safety().failures());
        safety().enforce();
    }

    @Test
    void theLocalRunKeepsItsDefaults() {
        origins = List.of("http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080");

        assertNull(safety().productionReason());
        assertEquals(List.of(), safety().failures());
        safety().enforce();
    }

    @Test
    void oneNonLocalOriginAmongLocalOnesIsProduction() {
        origins = List.of("http://localhost:8080", PUBLIC_ORIGIN);

        assertTrue(safety().productionReason().contains(PUBLIC_ORIGIN), safety().productionReason());
    }

    @Test
    void theBuiltInIssuersDemoUsersAreRefused() {
        configureSafely();
        oidc.setIssuerUri("");
        oidc.setBuiltInIssuerUri("https://id.example.org");

        String message = failure();
        assertTrue(message.contains("demo users") && message.contains("Set VETNET_OIDC_ISSUER_URI"), message);
        assertTrue(message.contains("1 setting(s)"), message);
    }

    @Test
    void theDemoRealmsClientSecretIsRefused() {
        configureSafely();
        oidc.setClientSecret("vetnet-gateway-secret");

        String message = failure();
        assertTrue(message.contains("Set VETNET_GATEWAY_CLIENT_SECRET"), message);
        assertTrue(message.contains("1 setting(s)"), message);
    }

    @Test
    void theProductionRealmsPlaceholderSecretIsRefused() {
        configureSafely();
        oidc.setClientSecret("CHANGE-ME");

        assertTrue(failure().contains("Set VETNET_GATEWAY_CLIENT_SECRET"));
    }

    @Test
    void nonSecureCookiesAreRefused() {
        configureSafely();
        session.setCookieSecure(false);

        String message = failure();
        assertTrue(message.contains("Set VETNET_SESSION_COOKIE_SECURE=true"), message);
        assertTrue(message.contains("1 setting(s)"), message);
    }

    @Test
    void aPlainHttpIssuerIsRefused() {
        configureSafely();
        oidc.setIssuerUri("http://sso.example.org/realms/vetnet");

        String message = failure();
        assertTrue(message.contains("plain HTTP") && message.contains("Set VETNET_OIDC_ISSUER_URI to its https:// URL"), message);
        assertTrue(message.contains("1 setting(s)"), message);
    }

    @Test
    void aPlainHttpPublicOriginIsRefused() {
        configureSafely();
        origins = List.of("http://vetnet.example.org");

        String message = failure();
        assertTrue(message.contains("Set VETNET_ALLOWED_ORIGINS to the product's https:// URL"), message);
    }

    @Test
    void theProdProfileTurnsProductionModeOnForLocalOriginsToo() {
        origins = List.of("http://localhost:8080");
        profiles = List.of("prod");

        String message = failure();
        assertTrue(message.contains("profile 'prod'"), message);
        assertTrue(message.contains("VETNET_OIDC_ISSUER_URI") && message.contains("VETNET_GATEWAY_CLIENT_SECRET")
                && message.contains("VETNET_SESSION_COOKIE_SECURE"), message);
    }

    @Test
    void everyFailureIsListedAtOnce() {
        // All development defaults, reached at a public origin.
        List<String> failures = safety().failures();

        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("demo users:"), failures.toString());
        assertTrue(failures.get(1).startsWith("client secret:"), failures.toString());
        assertTrue(failures.get(2).startsWith("session cookie:"), failures.toString());
    }
}
