package eu.vetnet.identity.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.VetnetUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The built-in issuer over HTTP, as a client sees it: discovery, JWKS, login form, code + PKCE, refresh, claims. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vetnet.identity.issuer.issuer-uri=http://localhost:8090")
class BuiltInIssuerTests {

    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/vetnet";

    @LocalServerPort
    int port;

    private URI base;
    private BrowserSession browser;

    @BeforeEach
    void setUp() {
        base = URI.create("http://localhost:" + port);
        browser = new BrowserSession();
    }

    @Test
    void discoveryNamesTheConfiguredIssuerAndEveryEndpointAClientNeeds() throws Exception {
        Map<String, Object> discovery = JSONObjectUtils.parse(
                browser.get(base.resolve("/.well-known/openid-configuration")).body());

        assertEquals("http://localhost:8090", discovery.get("issuer"));
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint", "end_session_endpoint")) {
            assertNotNull(discovery.get(endpoint), endpoint);
        }
        assertTrue(((List<?>) discovery.get("code_challenge_methods_supported")).contains("S256"));
    }

    @Test
    void authorizeWithoutPkceIsRefused() throws Exception {
        HttpResponse<String> response = browser.get(authorize("vetnet-gateway", null));

        URI location = BrowserSession.location(base, response);
        assertTrue(location.toString().startsWith(REDIRECT) && "invalid_request".equals(BrowserSession.query(location, "error")),
                location.toString());
    }

    @Test
    void aliceSignsInWithCodeAndPkceAndGetsAKeycloakShapedAccessToken() throws Exception {
        Map<String, Object> tokens = signIn("alice", "alice-pass");

        Jwt access = decoder().decode((String) tokens.get("access_token"));
        assertEquals(List.of("vetnet-gateway"), access.getAudience());
        assertEquals("vetnet-gateway", access.getClaimAsString("azp"));
        assertEquals("alice", access.getClaimAsString("preferred_username"));
        assertEquals(Map.of("roles", List.of("participant")), access.getClaimAsMap("realm_access"));
        assertEquals(List.of("/organisations/craft-sme-association"), access.getClaimAsStringList("groups"));
        assertEquals(DemoUsers.find("alice").orElseThrow().subject(), access.getSubject());

        VetnetUser alice = new VetnetJwtConverter().convert(access);
        assertEquals(new VetnetUser(access.getSubject(), "alice", "Alice Participant", "alice@vetnet.test",
                "craft-sme-association", null, Set.of(Role.PARTICIPANT)), alice);

        Map<String, Object> idToken = claims((String) tokens.get("id_token"));
        assertEquals(access.getSubject(), idToken.get("sub"));
        assertEquals("alice", idToken.get("preferred_username"));
    }

    @Test
    void refreshTokenGivesANewAccessTokenForTheSameUser() throws Exception {
        Map<String, Object> tokens = signIn("fabio", "fabio-pass");
        String refreshToken = (String) tokens.get("refresh_token");
        assertNotNull(refreshToken, "a confidential client gets a refresh token");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        Map<String, Object> refreshed = JSONObjectUtils.parse(tokenRequest(form).body());

        assertNotEquals(tokens.get("access_token"), refreshed.get("access_token"));
        Jwt access = decoder().decode((String) refreshed.get("access_token"));
        assertEquals(Set.of(Role.FACILITATOR), VetnetJwtConverter.roles(access));
        assertEquals("fabio", access.getClaimAsString("preferred_username"));
    }

    @Test
    void wrongPasswordStaysOnTheLoginPage() throws Exception {
        BrowserSession.Pkce pkce = BrowserSession.Pkce.create();
        URI login = BrowserSession.location(base, browser.get(authorize("vetnet-gateway", pkce)));
        URI after = browser.signIn(login, base.toString() + "/nowhere", "alice", "not-alice-pass");

        assertTrue(after.getPath().equals("/login") && after.getQuery().contains("error"), after.toString());
        // Our page says what went wrong, in the browser's language, with the username kept and never the password.
        String page = browser.http.send(java.net.http.HttpRequest.newBuilder(after).header("Accept", "text/html")
                .header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("<html lang=\"de\"") && page.contains("Benutzername oder Passwort falsch"), page);
        assertTrue(page.contains("name=\"username\" autocomplete=\"username\" required value=\"alice\""), page);
        assertFalse(page.contains("not-alice-pass"), page);
        // Shown once: the next visit starts empty.
        String again = browser.get(base.resolve("/login")).body();
        assertFalse(again.contains("value=\"alice\""), again);
    }

    @Test
    void theSignInPageIsOursInTheBrowsersLanguageWithEnglishAsTheFallback() throws Exception {
        for (String[] c : new String[][] {{"it-IT,it;q=0.9", "it", "Accedi a VET-NET"}, {"fr-FR,fr;q=0.9", "en", "Sign in to VET-NET"},
                {"en-GB", "en", "Sign in to VET-NET"}, {"de", "de", "Bei VET-NET anmelden"}}) {
            String page = browser.http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/login")).header("Accept", "text/html")
                    .header("Accept-Language", c[0]).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("<html lang=\"" + c[1] + "\"") && page.contains(c[2]), c[0] + ": " + page);
            assertTrue(page.contains("name=\"_csrf\" type=\"hidden\" value=\""), page);
        }
    }

    @Test
    void everyDemoUserGetsItsRole() throws Exception {
        for (DemoUser user : DemoUsers.ALL) {
            browser = new BrowserSession();
            Jwt access = decoder().decode((String) signIn(user.username(), user.password()).get("access_token"));
            assertEquals(Set.of(user.role()), VetnetJwtConverter.roles(access), user.username());
            VetnetUser converted = new VetnetJwtConverter().convert(access);
            if (user.groups().isEmpty()) {
                assertNull(converted.organisation());
            }
        }
    }

    private Map<String, Object> signIn(String username, String password) throws Exception {
        BrowserSession.Pkce pkce = BrowserSession.Pkce.create();
        URI login = BrowserSession.location(base, browser.get(authorize("vetnet-gateway", pkce)));
        assertEquals("/login", login.getPath());
        URI callback = browser.signIn(login, base.toString(), username, password);
        assertTrue(callback.toString().startsWith(REDIRECT), callback.toString());
        assertEquals("xyz", BrowserSession.query(callback, "state"));

        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", BrowserSession.query(callback, "code"));
        form.put("redirect_uri", REDIRECT);
        form.put("code_verifier", pkce.verifier());
        HttpResponse<String> response = tokenRequest(form);
        assertEquals(200, response.statusCode(), response.body());
        return JSONObjectUtils.parse(response.body());
    }

    private HttpResponse<String> tokenRequest(Map<String, String> form) throws Exception {
        String basic = Base64.getEncoder().encodeToString("vetnet-gateway:vetnet-gateway-secret".getBytes());
        return browser.http.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(BrowserSession.form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI authorize(String clientId, BrowserSession.Pkce pkce) {
        String query = "response_type=code&client_id=" + clientId + "&scope=openid%20profile%20email&state=xyz&redirect_uri="
                + java.net.URLEncoder.encode(REDIRECT, java.nio.charset.StandardCharsets.UTF_8)
                + (pkce == null ? "" : "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
        return base.resolve("/oauth2/authorize?" + query);
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("http://localhost:8090"));
        return decoder;
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
    }
}
