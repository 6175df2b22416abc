package eu.vetnet.identity;

import java.util.Locale;
import java.util.Optional;

/** The platform's realm roles, as Keycloak and the built-in issuer write them in {@code realm_access.roles}. */
public enum Role {

    /** Takes part in co-design rooms: edits boards and documents, votes, asks questions. */
    PARTICIPANT,
    /** Runs workshops: owns agenda, timer, votes and Q&A, decides who may edit what. */
    FACILITATOR,
    /** Joins dialogue rooms and reads session history across the community. */
    POLICYMAKER,
    /** Manages organisations, communities and users. */
    ADMIN;

    /** The name in the token and in the Keycloak realm: the lower-case constant name. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a realm role names, or empty for realm roles that are not ours ({@code offline_access}, ...). */
    public static Optional<Role> fromClaimValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.claimValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
