package eu.vetnet.identity.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * deploy/keycloak/vetnet-realm-production.json is safe to import, and it is the development realm
 * (vetnet-realm.json) minus the demo: the same roles, clients and mappers, so the two cannot drift apart.
 */
class RealmFilesTests {

    private static final Map<String, Object> DEMO = realm("vetnet-realm.json");
    private static final Map<String, Object> PRODUCTION = realm("vetnet-realm-production.json");

    /** Every field is one Keycloak knows (a misspelt "bruteForceProtected" would be dropped silently on import). */
    @Test
    void bothFilesAreKeycloakRealmRepresentations() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String file : List.of("vetnet-realm.json", "vetnet-realm-production.json")) {
            RealmRepresentation realm = mapper.readValue(Files.readString(realmPath(file)), RealmRepresentation.class);
            assertEquals("vetnet", realm.getRealm(), file);
        }
        RealmRepresentation production = mapper.readValue(Files.readString(realmPath("vetnet-realm-production.json")),
                RealmRepresentation.class);
        assertEquals(Boolean.TRUE, production.isBruteForceProtected());
        assertEquals(Integer.valueOf(5), production.getFailureFactor());
    }

    @Test
    void noUserWithAPassword() {
        for (Map<String, Object> user : list(PRODUCTION, "users")) {
            assertFalse(user.containsKey("credentials"), "credentials for " + user.get("username"));
            assertTrue(user.get("serviceAccountClientId") != null, "only service accounts: " + user.get("username"));
        }
    }

    @Test
    void bruteForceDetectionIsOnWithALowFailureCount() {
        assertEquals(true, PRODUCTION.get("bruteForceProtected"));
        long failures = ((Number) PRODUCTION.get("failureFactor")).longValue();
        assertTrue(failures >= 3 && failures <= 10, "failureFactor " + failures);
        assertTrue(((Number) PRODUCTION.get("maxFailureWaitSeconds")).longValue() >= 300);
    }

    @Test
    void httpsIsRequiredForEveryoneButLocalAddresses() {
        assertEquals("external", PRODUCTION.get("sslRequired"));
    }

    @Test
    void noPublicClientTakesPasswordsDirectly() {
        for (Map<String, Object> client : list(PRODUCTION, "clients")) {
            if (Boolean.TRUE.equals(client.get("publicClient"))) {
                assertEquals(false, client.get("directAccessGrantsEnabled"), "direct grants on " + client.get("clientId"));
            }
            assertEquals(false, client.get("implicitFlowEnabled"), "implicit flow on " + client.get("clientId"));
        }
    }

    /** The placeholder is one the gateway and identity refuse at start-up in production mode. */
    @Test
    void theGatewaySecretIsAPlaceholderProductionModeRefuses() {
        String secret = (String) client(PRODUCTION, "vetnet-gateway").get("secret");

        assertEquals("CHANGE-ME", secret);
        assertTrue(ProductionSafety.PUBLISHED_SECRETS.contains(secret));
    }

    @Test
    void everyUrlIsAnHttpsPlaceholder() {
        for (Map<String, Object> client : list(PRODUCTION, "clients")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
            List<Object> urls = new java.util.ArrayList<>();
            urls.addAll((List<?>) client.get("redirectUris"));
            urls.addAll((List<?>) client.get("webOrigins"));
            for (String key : List.of("post.logout.redirect.uris", "backchannel.logout.url")) {
                if (attributes.get(key) != null) {
                    urls.addAll(List.of(((String) attributes.get(key)).split("##")));
                }
            }
            assertFalse(urls.isEmpty());
            for (Object url : urls) {
                assertTrue(((String) url).startsWith("https://vetnet.example.org"), client.get("clientId") + ": " + url);
            }
        }
    }

    @Test
    void theSameRolesAsTheDemoRealm() {
        assertEquals(DEMO.get("roles"), PRODUCTION.get("roles"));
    }

    @Test
    void theSameClientsWithTheSameMappersAndFlows() {
        Map<String, Map<String, Object>> demo = byClientId(DEMO);
        Map<String, Map<String, Object>> production = byClientId(PRODUCTION);

        assertEquals(demo.keySet(), production.keySet());
        for (String id : demo.keySet()) {
            for (String key : List.of("protocolMappers", "publicClient", "protocol", "clientAuthenticatorType",
                    "standardFlowEnabled", "serviceAccountsEnabled", "frontchannelLogout")) {
                assertEquals(demo.get(id).get(key), production.get(id).get(key), id + " " + key);
            }
            for (String attribute : List.of("pkce.code.challenge.method", "backchannel.logout.session.required",
                    "backchannel.logout.revoke.offline.tokens")) {
                assertEquals(attribute(demo.get(id), attribute), attribute(production.get(id), attribute), id + " " + attribute);
            }
        }
    }

    /** The admin API signs in as the gateway client's service account: it needs the same realm-management roles. */
    @Test
    void theSameServiceAccountRoles() {
        Function<Map<String, Object>, Map<Object, Object>> accounts = realm -> list(realm, "users").stream()
                .filter(u -> u.get("serviceAccountClientId") != null)
                .collect(Collectors.toMap(u -> u.get("serviceAccountClientId"), u -> List.of(
                        String.valueOf(u.get("realmRoles")), String.valueOf(u.get("clientRoles")))));

        assertEquals(accounts.apply(DEMO), accounts.apply(PRODUCTION));
    }

    /** The organisations parent group exists; the organisations themselves are each deployment's own. */
    @Test
    void theOrganisationsGroupWithoutTheDemoOrganisations() {
        List<Map<String, Object>> groups = list(PRODUCTION, "groups");

        assertEquals(List.of("/organisations"), groups.stream().map(g -> g.get("path")).toList());
        assertEquals(List.of(), groups.get(0).get("subGroups"));
    }

    private static Object attribute(Map<String, Object> client, String name) {
        return ((Map<?, ?>) client.get("attributes")).get(name);
    }

    private static Map<String, Map<String, Object>> byClientId(Map<String, Object> realm) {
        return list(realm, "clients").stream().collect(Collectors.toMap(c -> (String) c.get("clientId"), c -> c));
    }

    private static Map<String, Object> client(Map<String, Object> realm, String clientId) {
        return byClientId(realm).get(clientId);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> realm, String key) {
        return (List<Map<String, Object>>) realm.get(key);
    }

    private static Path realmPath(String file) {
        return Path.of(System.getProperty("user.dir")).resolve("../deploy/keycloak").resolve(file).normalize();
    }

    private static Map<String, Object> realm(String file) {
        Path path = realmPath(file);
        try {
            return JSONObjectUtils.parse(Files.readString(path));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
