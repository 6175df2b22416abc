package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.GatewayApplication;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.GatewayTestProperties;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A gateway with {@code cookie-secure=true} (behind HTTPS) names its cookies {@code __Host-SESSION} and
 * {@code __Host-XSRF-TOKEN}, with what that prefix requires: Secure, Path=/, no Domain. Served over plain HTTP here
 * (TLS would end at the proxy in front of it); the test client sends Secure cookies to localhost as browsers do.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SecureCookieTests.Initializer.class)
class SecureCookieTests {

    @Autowired
    Environment environment;

    private GatewayBrowser browser() {
        return new GatewayBrowser(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port")));
    }

    @Test
    void theCsrfCookieIsHostPrefixedAndTheCsrfCheckReadsIt() throws Exception {
        GatewayBrowser browser = browser();
        HttpResponse<String> page = browser.get("/");

        String csrf = setCookie(page, "__Host-XSRF-TOKEN=");
        assertHostPrefixRules(csrf);
        assertFalse(csrf.toLowerCase().contains("httponly"), "the SPA reads it: " + csrf);
        assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("XSRF-TOKEN=")),
                "no unprefixed twin: " + page.headers().allValues("Set-Cookie"));

        assertEquals(403, browser.post("/logout", Map.of()).statusCode(), "no header: refused");
        // From the header: the jar hands Secure cookies only to https URLs when asked directly.
        String token = csrf.substring("__Host-XSRF-TOKEN=".length(), csrf.indexOf(';'));
        assertEquals(302, browser.post("/logout", Map.of("X-XSRF-TOKEN", token)).statusCode(), "the cookie's value passes");
    }

    @Test
    void theSessionCookieIsHostPrefixed() throws Exception {
        // Starting a sign-in creates the session (it holds the authorization request).
        HttpResponse<String> start = browser().get(URI.create("http://localhost:"
                + environment.getRequiredProperty("local.server.port") + "/oauth2/authorization/vetnet"));

        assertEquals(302, start.statusCode());
        String session = setCookie(start, "__Host-SESSION=");
        assertHostPrefixRules(session);
        assertTrue(session.toLowerCase().contains("httponly"), session);
        assertTrue(start.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("SESSION=")),
                start.headers().allValues("Set-Cookie").toString());
    }

    private static String setCookie(HttpResponse<String> response, String prefix) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + cookies));
    }

    /** RFC 6265bis 4.1.3.2: Secure, Path=/, no Domain. */
    private static void assertHostPrefixRules(String cookie) {
        List<String> attributes = List.of(cookie.split(";\\s*"));
        assertTrue(attributes.stream().anyMatch(a -> a.equalsIgnoreCase("Secure")), cookie);
        assertTrue(attributes.contains("Path=/"), cookie);
        assertTrue(attributes.stream().noneMatch(a -> a.toLowerCase().startsWith("domain=")), cookie);
    }

    /** The test gateway's settings, on a port of its own and with secure cookies. */
    static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestIssuer.start();
            Map<String, Object> properties = GatewayTestProperties.properties();
            properties.put("server.port", 0);
            properties.put("vetnet.gateway.session.cookie-secure", true);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vetnet-secure-cookie-test", properties));
        }
    }
}
