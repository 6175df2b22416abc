package eu.vetnet.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VetnetJwtConverterTests {

    private final VetnetJwtConverter converter = new VetnetJwtConverter();

    /** The claims of an access token from the project realm (Keycloak 26, alice), as the launcher's Keycloak issues it. */
    private static Map<String, Object> keycloakAliceClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("exp", Instant.parse("2026-11-28T12:05:00Z"));
        claims.put("iat", Instant.parse("2026-11-28T12:00:00Z"));
        claims.put("jti", "onrtac:5f1c2a4e-7d0b-4c43-9d39-0a3a9d7f6a10");
        claims.put("iss", "http://localhost:8180/realms/vetnet");
        claims.put("aud", "vetnet-gateway");
        claims.put("sub", "0f6f3c1e-5a52-4a8e-9b8e-2b1c5a7d9e01");
        claims.put("typ", "Bearer");
        claims.put("azp", "vetnet-web");
        claims.put("sid", "a4b1f0d2-6c3e-4e5f-8a9b-0c1d2e3f4a5b");
        claims.put("realm_access", Map.of("roles", List.of("participant")));
        claims.put("scope", "openid email profile");
        claims.put("email_verified", true);
        claims.put("name", "Alice Participant");
        claims.put("groups", List.of("/organisations/craft-sme-association"));
        claims.put("preferred_username", "alice");
        claims.put("given_name", "Alice");
        claims.put("family_name", "Participant");
        claims.put("email", "alice@vetnet.test");
        return claims;
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").header("typ", "JWT").claims(c -> c.putAll(claims)).build();
    }

    @Test
    void keycloakParticipantTokenBecomesAlice() {
        VetnetUser alice = converter.convert(jwt(keycloakAliceClaims()));

        assertEquals(new VetnetUser("0f6f3c1e-5a52-4a8e-9b8e-2b1c5a7d9e01", "alice", "Alice Participant", "alice@vetnet.test",
                "craft-sme-association", null, Set.of(Role.PARTICIPANT)), alice);
    }

    @Test
    void localeClaimBecomesThePreferredLanguage() {
        Map<String, Object> claims = keycloakAliceClaims();
        claims.put("locale", "pt-BR");

        assertEquals("pt-BR", converter.convert(jwt(claims)).preferredLanguage());
    }

    @Test
    void keycloakDefaultRolesAndUnknownRolesAreIgnored() {
        Map<String, Object> claims = keycloakAliceClaims();
        claims.put("realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "default-roles-vetnet",
                "facilitator", "ADMIN")));

        assertEquals(Set.of(Role.FACILITATOR, Role.ADMIN), converter.convert(jwt(claims)).roles());
    }

    @Test
    void tokenWithoutRealmAccessHasNoRoles() {
        Map<String, Object> claims = keycloakAliceClaims();
        claims.remove("realm_access");

        assertEquals(Set.of(), converter.convert(jwt(claims)).roles());
    }

    @Test
    void adminOutsideAnyOrganisationHasNoOrganisation() {
        Map<String, Object> claims = keycloakAliceClaims();
        claims.put("preferred_username", "ada");
        claims.put("name", "Ada Admin");
        claims.put("groups", List.of());
        claims.put("realm_access", Map.of("roles", List.of("admin")));

        VetnetUser ada = converter.convert(jwt(claims));

        assertNull(ada.organisation());
        assertEquals(Set.of(Role.ADMIN), ada.roles());
    }

    @Test
    void groupsOutsideOrganisationsAreNotOrganisations() {
        assertEquals("northfield-vet-college", VetnetJwtConverter.organisation(
                List.of("/communities/welding", "/organisations/northfield-vet-college/teachers")));
        assertNull(VetnetJwtConverter.organisation(List.of("/communities/welding", "/organisations/")));
    }

    @Test
    void missingNameFallsBackToGivenAndFamilyNameThenUsername() {
        Map<String, Object> claims = keycloakAliceClaims();
        claims.remove("name");
        assertEquals("Alice Participant", converter.convert(jwt(claims)).displayName());

        claims.remove("given_name");
        claims.remove("family_name");
        assertEquals("alice", converter.convert(jwt(claims)).displayName());
    }

    @Test
    void tokenWithoutSubjectIsRefusedWithAReason() {
        Map<String, Object> claims = keycloakAliceClaims();
        claims.remove("sub");

        IdentityException e = assertThrows(IdentityException.class, () -> converter.convert(jwt(claims)));
        assertEquals(true, e.getMessage().contains("sub"));
    }

    @Test
    void roleNamesInTheTokenAreTheLowerCaseConstants() {
        assertEquals(List.of("participant", "facilitator", "policymaker", "admin"),
                List.of(Role.values()).stream().map(Role::claimValue).toList());
    }
}
