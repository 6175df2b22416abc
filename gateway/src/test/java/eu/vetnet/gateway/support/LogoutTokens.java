package eu.vetnet.gateway.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * OIDC back-channel logout as Keycloak does it, for the built-in issuer (which has none): a logout token signed with
 * the issuer's own key, POSTed to a gateway's {@code /logout/connect/back-channel/vetnet}.
 */
public final class LogoutTokens {

    private LogoutTokens() {
    }

    /** A logout token ending every sign-in of the subject (a token without {@code sid}, as the spec allows). */
    public static String forSubject(String subject) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(TestIssuer.URI)
                .audience(List.of("vetnet-gateway"))
                .issuedAt(Instant.now())
                .id(UUID.randomUUID().toString())
                .subject(subject)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        return new NimbusJwtEncoder(TestIssuer.signingKeys()).encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** Delivers the token as the issuer would (no cookies); returns the gateway's status. */
    public static int deliver(URI gateway, String logoutToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/logout/connect/back-channel/vetnet"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
