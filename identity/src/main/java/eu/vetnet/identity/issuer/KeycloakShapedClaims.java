package eu.vetnet.identity.issuer;

import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes the claims Keycloak's project realm writes, so that nothing downstream can tell the issuers apart:
 * {@code sub} a UUID, {@code preferred_username}, {@code name}, {@code given_name}, {@code family_name},
 * {@code email}, {@code email_verified}, {@code groups} (full paths), {@code locale} when set,
 * {@code realm_access.roles}; on access tokens also {@code aud: vetnet-gateway} (the realm's audience mapper),
 * {@code azp} (the client) and {@code typ: Bearer}.
 */
final class KeycloakShapedClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** The audience the realm's mapper adds; the gateway and rooms accept tokens for it. */
    static final String AUDIENCE = eu.vetnet.identity.AccessTokenValidators.DEFAULT_AUDIENCE;

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        var claims = context.getClaims();
        if (accessToken) {
            claims.audience(List.of(AUDIENCE));
            claims.claim("azp", clientId);
            claims.claim("typ", "Bearer");
        }
        DemoUsers.find(context.getPrincipal().getName()).ifPresentOrElse(user -> {
            claims.subject(user.subject());
            claims.claim("preferred_username", user.username());
            claims.claim("name", user.name());
            claims.claim("given_name", user.firstName());
            claims.claim("family_name", user.lastName());
            claims.claim("email", user.email());
            claims.claim("email_verified", true);
            claims.claim("groups", user.groups());
            if (user.locale() != null) {
                claims.claim("locale", user.locale());
            }
            claims.claim("realm_access", Map.of("roles", List.of(user.role().claimValue())));
        }, () -> {
            // A client-credentials token: Keycloak names the client's service account.
            if (context.getPrincipal().getName().equals(clientId)) {
                claims.claim("preferred_username", "service-account-" + clientId);
                claims.claim("realm_access", Map.of("roles", List.of()));
            }
        });
    }
}
