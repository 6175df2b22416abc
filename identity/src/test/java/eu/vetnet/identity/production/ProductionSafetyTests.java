package eu.vetnet.identity.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.identity.IdentityException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each unsafe default refused in production mode with the variable that fixes it; local runs untouched. */
class ProductionSafetyTests {

    private static final String KEYCLOAK = "https://sso.example.org/realms/vetnet";

    /** What a correct production deployment sets. */
    private static ProductionSafety.Settings safe() {
        return new ProductionSafety.Settings(KEYCLOAK, "http://localhost:8090", "vetnet-gateway", "s3cret-from-keycloak", List.of());
    }

    private static ProductionSafety.Settings with(String external, String builtIn, String secret, List<String> profiles) {
        return new ProductionSafety.Settings(external, builtIn, "vetnet-gateway", secret, profiles);
    }

    private static String failure(ProductionSafety.Settings settings) {
        return assertThrows(IdentityException.class, () -> new ProductionSafety(settings).enforce()).getMessage();
    }

    @Test
    void safeProductionConfigurationPasses() {
        ProductionSafety safety = new ProductionSafety(safe());

        assertNotNull(safety.productionReason(), "a Keycloak on another host is production");
        assertEquals(List.of(), safety.failures());
        safety.enforce();
    }

    @Test
    void theLocalRunKeepsItsDefaults() {
        ProductionSafety safety = new ProductionSafety(with("", "http://localhost:8090", "vetnet-gateway-secret", List.of()));

        assertNull(safety.productionReason());
        assertEquals(List.of(), safety.failures());
        safety.enforce();
    }

    @Test
    void aLocalKeycloakIsNoProductionEither() {
        assertNull(new ProductionSafety(with("http://localhost:8180/realms/vetnet", "http://localhost:8090",
                "vetnet-gateway-secret", List.of())).productionReason());
        assertNull(new ProductionSafety(with("http://127.0.0.1:8180/realms/vetnet", "http://[::1]:8090",
                "vetnet-gateway-secret", List.of())).productionReason());
    }

    @Test
    void demoUsersOfThePublicBuiltInIssuerAreRefused() {
        String message = failure(with("", "https://id.example.org", "s3cret", List.of()));

        assertTrue(message.contains("demo users") && message.contains("Set VETNET_OIDC_ISSUER_URI"), message);
        assertTrue(message.contains("VETNET_IDENTITY_ISSUER_URI"), "names why production mode is on: " + message);
    }

    @Test
    void theDemoRealmsSecretForTheAdminApiIsRefused() {
        String message = failure(with(KEYCLOAK, "http://localhost:8090", "vetnet-gateway-secret", List.of()));

        assertTrue(message.contains("VETNET_KEYCLOAK_ADMIN_CLIENT_SECRET"), message);
        assertTrue(message.contains("1 setting(s)"), message);
    }

    @Test
    void theProductionRealmsPlaceholderSecretIsRefused() {
        String message = failure(with(KEYCLOAK, "http://localhost:8090", "CHANGE-ME", List.of()));

        assertTrue(message.contains("VETNET_KEYCLOAK_ADMIN_CLIENT_SECRET"), message);
    }

    @Test
    void aPlainHttpKeycloakIsRefused() {
        String message = failure(with("http://sso.example.org/realms/vetnet", "http://localhost:8090", "s3cret", List.of()));

        assertTrue(message.contains("plain HTTP") && message.contains("Set VETNET_OIDC_ISSUER_URI to its https:// URL"), message);
    }

    @Test
    void theProdProfileTurnsProductionModeOnForLocalUrlsToo() {
        String message = failure(with("", "http://localhost:8090", "vetnet-gateway-secret", List.of("prod")));

        assertTrue(message.contains("profile 'prod'"), message);
        assertTrue(message.contains("VETNET_OIDC_ISSUER_URI") && message.contains("VETNET_KEYCLOAK_ADMIN_CLIENT_SECRET"), message);
    }

    @Test
    void everyFailureIsListedAtOnce() {
        List<String> failures = new ProductionSafety(with("", "http://id.example.org", "vetnet-gateway-secret", List.of()))
                .failures();

        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(2).contains("Set VETNET_IDENTITY_ISSUER_URI to its https:// URL"), failures.toString());
    }
}
