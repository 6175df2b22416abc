package eu.vetnet.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.testkit.LocalService;
import eu.vetnet.testkit.LocalServiceExtension;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The project's realm (deploy/keycloak/vetnet-realm.json) on the launcher's real Keycloak: every demo user signs in,
 * and the access token verifies against the realm's published keys with the roles, audience and organisation
 * the rest of VET-NET relies on.
 */
@ExtendWith(LocalServiceExtension.class)
class KeycloakIntegrationTests {

    private static final String AUDIENCE = "vetnet-gateway";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static URI tokenEndpoint;
    private static String issuer;
    private static NimbusJwtDecoder decoder;

    @BeforeAll
    static void discoverRealm(@LocalService(Service.KEYCLOAK) ServiceAddress keycloak) throws Exception {
        URI realm = keycloak.uri("http", "/realms/vetnet");
        Map<String, Object> discovery = JSONObjectUtils.parse(get(URI.create(realm + "/.well-known/openid-configuration")));
        issuer = (String) discovery.get("issuer");
        tokenEndpoint = URI.create((String) discovery.get("token_endpoint"));
        assertEquals(realm.toString(), issuer, "the launcher pins the issuer to the localhost URL");

        decoder = NimbusJwtDecoder.withJwkSetUri((String) discovery.get("jwks_uri")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE))));
    }

    @ParameterizedTest(name = "{0} signs in as {1}")
    @CsvSource({
        "alice, participant, /organisations/craft-sme-association",
        "fabio, facilitator, /organisations/northfield-vet-college",
        "paula, policymaker, /organisations/regional-skills-policy-office",
        "ada,   admin,       ''",
    })
    void demoUserGetsAVerifiableTokenWithItsRoleAudienceAndOrganisation(String user, String role, String organisation) throws Exception {
        HttpResponse<String> response = passwordGrant(user, user + "-pass");
        assertEquals(200, response.statusCode(), response.body());

        Jwt jwt = decoder.decode((String) JSONObjectUtils.parse(response.body()).get("access_token"));

        assertEquals(user, jwt.getClaimAsString("preferred_username"));
        assertEquals(issuer, jwt.getIssuer().toString());
        assertTrue(jwt.getAudience().contains(AUDIENCE), "aud " + jwt.getAudience());
        assertEquals(List.of(role), realmRoles(jwt), "explicit realm roles only, no defaults mixed in");
        List<String> groups = jwt.getClaimAsStringList("groups");
        assertEquals(organisation.isEmpty() ? List.of() : List.of(organisation), groups == null ? List.of() : groups);
        assertNotNull(jwt.getExpiresAt());
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = passwordGrant("alice", "not-alice-pass");

        // RFC 6749 section 5.2: a bad resource-owner password is 400 invalid_grant.
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_grant", JSONObjectUtils.parse(response.body()).get("error"));
    }

    @Test
    void tokenWhosePayloadWasAlteredFailsSignatureValidation() throws Exception {
        String token = (String) JSONObjectUtils.parse(passwordGrant("alice", "alice-pass").body()).get("access_token");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"participant\""), payload);
        String promoted = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"participant\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

        assertThrows(JwtException.class, () -> decoder.decode(parts[0] + "." + promoted + "." + parts[2]));
    }

    @Test
    void gatewayClientAuthenticatesWithItsSecret() throws Exception {
        HttpResponse<String> response = post(Map.of(
                "grant_type", "client_credentials", "client_id", "vetnet-gateway", "client_secret", "vetnet-gateway-secret"));
        assertEquals(200, response.statusCode(), response.body());

        Jwt jwt = decoder.decode((String) JSONObjectUtils.parse(response.body()).get("access_token"));

        assertEquals("vetnet-gateway", jwt.getClaimAsString("azp"));
    }

    @Test
    void webClientIsPublicAndCannotUseClientCredentials() throws Exception {
        HttpResponse<String> response = post(Map.of("grant_type", "client_credentials", "client_id", "vetnet-web"));

        assertTrue(response.statusCode() == 400 || response.statusCode() == 401, response.statusCode() + " " + response.body());
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        assertNotNull(realmAccess, "realm_access claim");
        return (List<String>) realmAccess.get("roles");
    }

    private static HttpResponse<String> passwordGrant(String user, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "vetnet-web");
        form.put("username", user);
        form.put("password", password);
        form.put("scope", "openid");
        return post(form);
    }

    private static HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(tokenEndpoint)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return response.body();
    }
}
