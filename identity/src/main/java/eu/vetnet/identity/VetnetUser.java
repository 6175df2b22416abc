package eu.vetnet.identity;

import java.util.Objects;
import java.util.Set;

/**
 * A signed-in person, the same whichever issuer signed the token (Keycloak or the built-in one).
 *
 * @param id                the token's {@code sub}: stable, opaque, never reused
 * @param username          {@code preferred_username}
 * @param displayName       {@code name}, else given and family name, else the username
 * @param email             {@code email}, or null when the issuer has none
 * @param organisation      the organisation's group name (the last segment of the first {@code /organisations/...}
 *                          entry in {@code groups}), or null for people outside any organisation
 * @param preferredLanguage the {@code locale} claim (a BCP 47 tag such as {@code de} or {@code pt-BR}), or null
 * @param roles             the platform roles among {@code realm_access.roles}; others are ignored
 */
public record VetnetUser(String id, String username, String displayName, String email, String organisation,
        String preferredLanguage, Set<Role> roles) {

    public VetnetUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    /** Whether the user holds the role. */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
