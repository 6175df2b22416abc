package eu.vetnet.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads an already validated access token (signature, issuer, expiry and audience checked by the caller's
 * decoder) as a {@link VetnetUser}. The claims are Keycloak's: {@code sub}, {@code preferred_username},
 * {@code name}, {@code given_name}, {@code family_name}, {@code email}, {@code groups} (full paths),
 * {@code locale} and {@code realm_access.roles}; the built-in issuer writes the same ones.
 */
public final class VetnetJwtConverter implements Converter<Jwt, VetnetUser> {

    /** Where Keycloak's group-membership mapper (full path) puts organisations; the realm's top-level group. */
    public static final String ORGANISATIONS_GROUP = "/organisations/";

    @Override
    public VetnetUser convert(Jwt jwt) {
        String id = jwt.getSubject();
        if (id == null || id.isBlank()) {
            throw new IdentityException("token has no 'sub' claim: it cannot name a user (is it a client-credentials token?)");
        }
        String username = firstNonBlank(jwt.getClaimAsString("preferred_username"), id);
        return new VetnetUser(id, username, displayName(jwt, username), blankToNull(jwt.getClaimAsString("email")),
                organisation(stringList(jwt.getClaims().get("groups"))), blankToNull(jwt.getClaimAsString("locale")),
                roles(jwt));
    }

    /** The platform roles among {@code realm_access.roles}; client roles and Keycloak's defaults are ignored. */
    public static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess) {
            for (String value : stringList(realmAccess.get("roles"))) {
                Role.fromClaimValue(value).ifPresent(roles::add);
            }
        }
        return roles;
    }

    /** The organisation named by the first {@code /organisations/<name>} group path, or null (tokens and the admin directories). */
    public static String organisation(List<String> groups) {
        for (String group : groups) {
            if (group.startsWith(ORGANISATIONS_GROUP) && group.length() > ORGANISATIONS_GROUP.length()) {
                String rest = group.substring(ORGANISATIONS_GROUP.length());
                int slash = rest.indexOf('/');
                return slash < 0 ? rest : rest.substring(0, slash);
            }
        }
        return null;
    }

    private static String displayName(Jwt jwt, String username) {
        String name = blankToNull(jwt.getClaimAsString("name"));
        if (name != null) {
            return name;
        }
        String given = blankToNull(jwt.getClaimAsString("given_name"));
        String family = blankToNull(jwt.getClaimAsString("family_name"));
        if (given != null || family != null) {
            return (firstNonBlank(given, "") + " " + firstNonBlank(family, "")).trim();
        }
        return username;
    }

    private static List<String> stringList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                if (v != null) {
                    out.add(v.toString());
                }
            }
        } else if (value instanceof String single) {
            out.add(single);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}
