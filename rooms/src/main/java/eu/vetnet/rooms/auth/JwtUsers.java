package eu.vetnet.rooms.auth;

import eu.vetnet.rooms.hook.RoomUser;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads a validated token as a {@link RoomUser}: id from {@code sub}, roles from {@code realm_access.roles}. */
public final class JwtUsers {

    private JwtUsers() {
    }

    public static RoomUser toUser(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>();
        Object realm = jwt.getClaims().get("realm_access");
        if (realm instanceof Map<?, ?> m && m.get("roles") instanceof Collection<?> c) {
            c.forEach(r -> roles.add(String.valueOf(r)));
        }
        // A missing name falls back in RoomUser (username, then subject).
        return new RoomUser(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"),
                Set.copyOf(roles), jwt.getExpiresAt(), jwt.getClaimAsString("email"));
    }
}
