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
 * written by {@code issuer}, meant for {@code audience} (Keycloak's realm audience mapper, the built-in issuer), and
 * an access token at all ({@code typ: Bearer}, as Keycloak and the built-in issuer write it). An ID token carries
 * the gateway's client id as its audience too, so the audience alone would let it pass; Keycloak marks it
 * {@code typ: ID}, refresh and logout tokens {@code Refresh} and {@code Logout}. docs/identity.md, "Tokens".
 */
public final class AccessTokenValidators {

    /** The audience the realm's mapper and the built-in issuer put on access tokens for VET-NET's services. */
    public static final String DEFAULT_AUDIENCE = "vetnet-gateway";
    /** The {@code typ} claim of an access token (Keycloak's spelling). */
    public static final String ACCESS_TOKEN_TYPE = "Bearer";

    private AccessTokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<Object>("typ", typ -> ACCESS_TOKEN_TYPE.equalsIgnoreCase(String.valueOf(typ))));
    }
}
