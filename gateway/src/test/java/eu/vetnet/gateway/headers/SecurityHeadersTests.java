package eu.vetnet.gateway.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every page and file the gateway serves carries the Content-Security-Policy, nosniff and a Referrer-Policy. */
@GatewayTest
class SecurityHeadersTests {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]+)\"");

    private final GatewayBrowser browser = new GatewayBrowser(URI.create(TestIssuer.GATEWAY));

    @Test
    void theAppsPageCarriesThePolicy() throws Exception {
        HttpResponse<String> page = browser.get(URI.create(TestIssuer.GATEWAY + "/"));

        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'none'")
                && policy.contains("object-src 'none'"), policy);
        assertTrue(policy.contains("connect-src 'self' ws://localhost:" + TestIssuer.GATEWAY_PORT), policy);
        assertTrue(policy.contains("form-action 'self' " + TestIssuer.URI), "sign-out redirects to the issuer: " + policy);
    }

    /** script-src 'self' allows files only: an inline script in the built page would not run, and the app with it. */
    @Test
    void theBuiltPageHasNoInlineScriptAndItsScriptCarriesThePolicyToo() throws Exception {
        String html = browser.get(URI.create(TestIssuer.GATEWAY + "/index.html")).body();
        Matcher script = SCRIPT.matcher(html);
        String asset = null;
        while (script.find()) {
            Matcher src = SRC.matcher(script.group(1));
            assertTrue(src.find(), "inline script in index.html: " + script.group());
            asset = src.group(1);
        }
        assertTrue(asset != null, "the built app's script: " + html);

        HttpResponse<String> file = browser.get(URI.create(TestIssuer.GATEWAY).resolve(asset));
        assertEquals(200, file.statusCode(), asset);
        assertSecurityHeaders(file);
    }

    @Test
    void anAppRouteAndAnErrorPageCarryThePolicy() throws Exception {
        assertSecurityHeaders(browser.get(URI.create(TestIssuer.GATEWAY + "/rooms/some-room")));

        HttpResponse<String> missing = browser.get(URI.create(TestIssuer.GATEWAY + "/no-such-file.js"));
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing);

        HttpResponse<String> refused = browser.get("/api/me");
        assertEquals(401, refused.statusCode());
        assertSecurityHeaders(refused);
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        var headers = response.headers();
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"),
                response.uri() + " " + headers.map());
        assertEquals(1, headers.allValues("Content-Security-Policy").size(), "one policy: " + headers.map());
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), response.uri().toString());
        assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(null), response.uri().toString());
        assertFalse(headers.allValues("Referrer-Policy").size() > 1, headers.map().toString());
    }
}
