package eu.vetnet.identity.issuer;

import eu.vetnet.identity.Role;
import java.util.List;
import java.util.UUID;

/**
 * A person the built-in issuer can sign in: the same username, password, role and organisation as in the Keycloak
 * realm (deploy/keycloak/vetnet-realm.json; DemoUsersTests pins the two together).
 *
 * @param groups group paths as Keycloak's group-membership mapper writes them ({@code /organisations/<name>})
 * @param locale preferred language, or null
 */
public record DemoUser(String username, String password, String firstName, String lastName, String email, Role role,
        List<String> groups, String locale) {

    public DemoUser {
        groups = List.copyOf(groups);
    }

    /**
     * The {@code sub} the issuer writes: a UUID as Keycloak's, derived from the username so that it stays the same
     * across restarts (rooms keep it in session history).
     */
    public String subject() {
        return UUID.nameUUIDFromBytes(("vetnet-builtin:" + username).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public String name() {
        return (firstName + " " + lastName).trim();
    }
}
