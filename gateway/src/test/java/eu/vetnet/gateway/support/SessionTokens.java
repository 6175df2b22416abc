package eu.vetnet.gateway.support;

import java.time.Instant;
import java.util.Map;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.web.server.WebSession;

/** Changes the tokens a signed-in session holds, as time or the issuer would: for tests of refresh and renewal. */
public final class SessionTokens {

    private static final String AUTHORIZED_CLIENTS = WebSessionServerOAuth2AuthorizedClientRepository.class.getName()
            + ".AUTHORIZED_CLIENTS";

    private SessionTokens() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, OAuth2AuthorizedClient> clients(WebSession session) {
        return (Map<String, OAuth2AuthorizedClient>) session.getAttributes().get(AUTHORIZED_CLIENTS);
    }

    /** Replaces the refresh token with one the issuer never issued, as after a revocation or a disabled user. */
    public static void revokeRefreshToken(WebSession session, boolean alsoExpireAccessToken) {
        OAuth2AuthorizedClient current = clients(session).get("vetnet");
        OAuth2AccessToken token = alsoExpireAccessToken ? expired(current.getAccessToken()) : current.getAccessToken();
        clients(session).put("vetnet", new OAuth2AuthorizedClient(current.getClientRegistration(),
                current.getPrincipalName(), token, new OAuth2RefreshToken("revoked", Instant.now().minusSeconds(400))));
    }

    /** Ages the access token past its expiry, keeping the refresh token, as a quiet pause in a workshop would. */
    public static void expireAccessToken(WebSession session) {
        OAuth2AuthorizedClient current = clients(session).get("vetnet");
        clients(session).put("vetnet", new OAuth2AuthorizedClient(current.getClientRegistration(),
                current.getPrincipalName(), expired(current.getAccessToken()), current.getRefreshToken()));
    }

    private static OAuth2AccessToken expired(OAuth2AccessToken token) {
        return new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), Instant.now().minusSeconds(400),
                Instant.now().minusSeconds(100), token.getScopes());
    }
}
