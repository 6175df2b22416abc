package eu.vetnet.identity;

import java.util.Collection;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What every VET-NET service checks of an access token besides its signature (the decoder's job): not expired,
 * written by {@code issuer}, and meant for {@code audience} (Keycloak's realm audience mapper, the built-in issuer).
 */
public final class AccessTokenValidators {

    private AccessTokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }
}
