package eu.vetnet.community.web;

import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.VetnetUser;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in person of a request, read from the validated token as every VET-NET server reads it. */
public final class CurrentUser {

    private static final VetnetJwtConverter CONVERTER = new VetnetJwtConverter();

    private CurrentUser() {
    }

    public static VetnetUser of(Jwt jwt) {
        return CONVERTER.convert(jwt);
    }
}
