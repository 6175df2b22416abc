package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.gateway.support.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend-for-frontend sign-in against the built-in issuer, over HTTP, as a browser does it. */
@GatewayTest
class SignInTests {

    private final GatewayBrowser browser = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));

    @Test
    void aliceSignsInThroughTheIssuerAndApiMeReturnsHerAsParticipant() throws Exception {
        URI landing = browser.signIn("alice", "alice-pass");

        assertEquals(TestIssuer.GATEWAY + "/", landing.toString());
        assertTrue(browser.visited.stream().anyMatch(u -> u.toString().startsWith(TestIssuer.URI + "/oauth2/authorize")
                && u.getQuery().contains("code_challenge_method=S256")), "PKCE on the authorization request: " + browser.visited);
        assertTrue(browser.visited.stream().anyMatch(u -> u.getPath().equals("/login/oauth2/code/vetnet")), browser.visited.toString());

        HttpResponse<String> me = browser.get("/api/me");
        assertEquals(200, me.statusCode(), me.body());
        Map<String, Object> json = JSONObjectUtils.parse(me.body());
        assertEquals("alice", json.get("username"));
        assertEquals("Alice Participant", json.get("displayName"));
        assertEquals("craft-sme-association", json.get("organisation"));
        assertEquals(List.of("PARTICIPANT"), json.get("roles"));
    }

    @Test
    void browserHoldsOnlyAnHttpOnlySameSiteSessionCookieAndTheCsrfCookie() throws Exception {
        browser.signIn("fabio", "fabio-pass");
        browser.get("/api/me");

        String session = browser.gatewaySetCookies.stream().filter(c -> c.startsWith("SESSION=")).reduce((a, b) -> b).orElseThrow();
        assertTrue(session.toLowerCase().contains("httponly"), session);
        assertTrue(session.contains("SameSite=Lax"), session);
        for (String cookie : browser.gatewaySetCookies) {
            String name = cookie.substring(0, cookie.indexOf('='));
            assertTrue(name.equals("SESSION") || name.equals("XSRF-TOKEN"), "unexpected cookie " + cookie);
            assertFalse(cookie.contains("eyJ"), "no token in a cookie: " + cookie);
        }
    }

    @Test
    void apiWithoutASessionIsUnauthorizedNotARedirect() throws Exception {
        assertEquals(401, browser.get("/api/me").statusCode());
    }

    @Test
    void stateChangingCallWithoutTheCsrfHeaderIsRefused() throws Exception {
        browser.signIn("alice", "alice-pass");

        assertEquals(403, browser.post("/logout", Map.of()).statusCode());
        assertEquals(403, browser.post("/logout", Map.of("X-XSRF-TOKEN", "forged")).statusCode());
        assertEquals(200, browser.get("/api/me").statusCode(), "still signed in");
    }

    @Test
    void logoutWithTheCsrfHeaderEndsTheSessionAndSendsTheBrowserToTheIssuer() throws Exception {
        browser.signIn("alice", "alice-pass");
        String csrf = browser.cookie("XSRF-TOKEN").orElseThrow();

        HttpResponse<String> logout = browser.post("/logout", Map.of("X-XSRF-TOKEN", csrf));

        assertEquals(302, logout.statusCode(), logout.body());
        String location = logout.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(TestIssuer.URI + "/connect/logout") && location.contains("id_token_hint="), location);
        assertEquals(401, browser.get("/api/me").statusCode());
    }
}
