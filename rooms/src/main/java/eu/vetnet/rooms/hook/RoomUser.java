package eu.vetnet.rooms.hook;

import java.time.Instant;
import java.util.Set;

/**
 * Who is on the other end of a connection, from a validated token.
 *
 * @param id the token's subject ({@code sub}): the id owners and votes are keyed by
 * @param username {@code preferred_username}; access lists may name a user by id or by username
 * @param name the display name others see (cursors, authors, requests): the token's {@code name}, else its username,
 *     else its subject; the one place that rule lives
 * @param roles realm roles from {@code realm_access.roles}
 * @param expiresAt when the token expires; the server closes the connection then (4401)
 * @param email the token's {@code email}, or null: where follow-up notifications go (docs/dialogue.md, "Follow-up")
 */
public record RoomUser(String id, String username, String name, Set<String> roles, Instant expiresAt, String email) {

    public RoomUser {
        if (name == null || name.isBlank()) {
            name = username != null && !username.isBlank() ? username : id;
        }
    }

    /** A user whose token says no e-mail address. */
    public RoomUser(String id, String username, String name, Set<String> roles, Instant expiresAt) {
        this(id, username, name, roles, expiresAt, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True when an access-list entry names this user, by id or by username. */
    public boolean isNamedBy(String entry) {
        return entry.equals(id) || entry.equals(username);
    }
}
