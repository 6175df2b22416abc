package eu.vetnet.identity.admin;

import eu.vetnet.identity.Role;
import java.util.Set;

/** A user as the admin API shows it. */
public record ManagedUser(String id, String username, String firstName, String lastName, String email, boolean enabled,
        String organisation, Set<Role> roles) {
}
