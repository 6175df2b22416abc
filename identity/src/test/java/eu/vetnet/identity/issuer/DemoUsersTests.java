package eu.vetnet.identity.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoUsersTests {

    /** The built-in issuer must sign in the realm's people with the realm's passwords, roles and groups. */
    @Test
    @SuppressWarnings("unchecked")
    void demoUsersAreTheKeycloakRealmsUsers() throws Exception {
        Path realm = Path.of(System.getProperty("user.dir")).resolve("../deploy/keycloak/vetnet-realm.json").normalize();
        Map<String, Object> json = JSONObjectUtils.parse(Files.readString(realm));
        List<String> fromRealm = ((List<Map<String, Object>>) json.get("users")).stream()
                .filter(u -> u.get("serviceAccountClientId") == null)
                .map(u -> String.join("|", (String) u.get("username"),
                        (String) ((List<Map<String, Object>>) u.get("credentials")).get(0).get("value"),
                        (String) u.get("firstName"), (String) u.get("lastName"), (String) u.get("email"),
                        String.join(",", (List<String>) u.get("realmRoles")), String.join(",", (List<String>) u.get("groups"))))
                .toList();
        List<String> builtIn = DemoUsers.ALL.stream()
                .map(u -> String.join("|", u.username(), u.password(), u.firstName(), u.lastName(), u.email(),
                        u.role().claimValue(), String.join(",", u.groups())))
                .toList();

        assertEquals(fromRealm, builtIn);
    }
}
