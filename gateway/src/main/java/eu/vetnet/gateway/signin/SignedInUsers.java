package eu.vetnet.gateway.signin;

import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.VetnetUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The user a session is signed in as, read from its access token (refreshed when due) by identity's converter:
 * the same user and roles the room server sees, whichever issuer signed the token. The ID token is not used: only
 * the access token is sure to carry {@code realm_access.roles}.
 */
public final class SignedInUsers {

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveJwtDecoder decoder;
    private final String registrationId;
    private final VetnetJwtConverter converter = new VetnetJwtConverter();

    SignedInUsers(ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder accessTokenDecoder, OidcProperties properties) {
        this.clients = clients;
        this.decoder = accessTokenDecoder;
        this.registrationId = properties.getRegistrationId();
    }

    /** Empty when the session holds no tokens; an OAuth2AuthorizationException when the issuer refuses a refresh. */
    public Mono<VetnetUser> of(Authentication authentication, ServerWebExchange exchange) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                .principal(authentication)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return clients.authorize(request)
                .flatMap(client -> decoder.decode(client.getAccessToken().getTokenValue()))
                .map(converter::convert);
    }
}
