package eu.vetnet.identity.admin;

import eu.vetnet.identity.Role;
import java.util.Set;

/**
 * A user to create. {@code password} may be null (the user then gets one by Keycloak's own flows);
 * {@code organisation} is a group name under {@code /organisations} or null.
 */
public record NewUser(String username, String firstName, String lastName, String email, String password,
        String organisation, Set<Role> roles) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
