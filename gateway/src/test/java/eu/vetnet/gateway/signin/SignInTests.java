package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.testkit.GatewayBrowser;
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
    void thePublicApiIsReadWithoutASessionAndNeverGetsATokenOrCookie() throws Exception {
        HttpResponse<String> anonymous = browser.get("/api/public/proposals/p-1");
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.body().contains("path=/api/public/proposals/p-1 authorization=null cookie=null"), anonymous.body());

        browser.signIn("alice", "alice-pass");
        HttpResponse<String> signedIn = browser.get("/api/public/proposals/p-1");
        assertTrue(signedIn.body().contains("authorization=null cookie=null"), "the public route relays nothing: " + signedIn.body());
        HttpResponse<String> relayed = browser.get("/api/rooms/r-1/people");
        assertTrue(relayed.body().contains("authorization=Bearer "), "other API calls carry the token: " + relayed.body());
    }

    @Test
    void theLibrarysPublicFaceReachesTheCommunityServerSignedOutAndItsApiOnlySignedIn() throws Exception {
        for (String path : List.of("/api/public/library/search?q=x", "/practices/mentor-pool-3f2a", "/feeds/library.atom", "/sitemap.xml",
                "/sitemaps/library-0.xml", "/api/public/communities/carpentry-1a2b", "/c/carpentry-1a2b", "/feeds/communities/carpentry-1a2b.atom")) {
            HttpResponse<String> anonymous = browser.get(path);
            assertEquals(200, anonymous.statusCode(), path + ": " + anonymous.body());
            assertTrue(anonymous.body().startsWith("http community ") && anonymous.body().contains("authorization=null cookie=null"),
                    path + " goes to the community server with nothing relayed: " + anonymous.body());
        }
        assertEquals(401, browser.get("/api/community/practices/mine").statusCode(), "the library's API needs a session");
        browser.signIn("alice", "alice-pass");
        HttpResponse<String> mine = browser.get("/api/community/practices/mine");
        assertTrue(mine.body().startsWith("http community path=/api/community/practices/mine authorization=Bearer "), mine.body());
        assertTrue(mine.body().endsWith("cookie=null"), "the browser's cookies stay at the gateway: " + mine.body());
        HttpResponse<String> proposal = browser.get("/api/public/proposals/p-1");
        assertTrue(proposal.body().startsWith("http A ") || proposal.body().startsWith("http B "),
                "the rooms' public API still goes to a room server: " + proposal.statusCode() + " " + proposal.headers().map() + " " + proposal.body());
    }

    @Test
    void credentialsAreVerifiedByAnyoneWithoutASessionWhileTheLearningApiNeedsOne() throws Exception {
        HttpResponse<String> verified = browser.post("/api/public/learning/verify", Map.of());
        assertEquals(200, verified.statusCode(), "no session and no CSRF header needed to check a credential: " + verified.body());
        assertTrue(verified.body().startsWith("http learning path=/api/public/learning/verify authorization=null cookie=null"), verified.body());
        HttpResponse<String> issuer = browser.get("/api/public/learning/issuers/northfield");
        assertTrue(issuer.body().startsWith("http learning ") && issuer.body().contains("authorization=null"), issuer.body());
        // Other public paths stay read-only: a POST elsewhere under /api/public is refused (no CSRF token, no session).
        assertEquals(403, browser.post("/api/public/learning/issuers/northfield", Map.of()).statusCode());
        assertEquals(401, browser.get("/api/learning/programmes").statusCode(), "the learning API needs a session");

        browser.signIn("alice", "alice-pass");
        HttpResponse<String> programmes = browser.get("/api/learning/programmes");
        assertTrue(programmes.body().startsWith("http learning path=/api/learning/programmes authorization=Bearer ") && programmes.body().endsWith("cookie=null"),
                programmes.body());
        assertEquals(403, browser.post("/api/learning/programmes", Map.of()).statusCode(), "signed-in writes still need the CSRF header");
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
