package eu.vetnet.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The realm's sign-in page is VET-NET's (deploy/keycloak/themes/vetnet): our stylesheet and words in the browser's
 * language, and the username kept after a wrong password. Against the launcher's real Keycloak.
 */
@ExtendWith(LocalServiceExtension.class)
class KeycloakLoginThemeIntegrationTests {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static URI realm;

    @BeforeAll
    static void realm(@LocalService(Service.KEYCLOAK) ServiceAddress keycloak) {
        realm = keycloak.uri("http", "/realms/vetnet");
    }

    private static HttpResponse<String> signInPage(HttpClient browser, String language) throws Exception {
        // What the gateway's sign-in redirect asks for (vetnet-web: a public client with PKCE).
        URI authorize = URI.create(realm + "/protocol/openid-connect/auth?client_id=vetnet-web&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode("http://localhost:8080/", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        return browser.send(HttpRequest.newBuilder(authorize).header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The cookies a page set, as a browser sends them back. By hand: Keycloak marks them Secure, which a browser
     * honours on http://localhost (a secure context) and java.net's CookieManager does not.
     */
    private static String cookies(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).collect(java.util.stream.Collectors.joining("; "));
    }

    @Test
    void theSignInPageIsOursInTheBrowsersLanguage() throws Exception {
        HttpResponse<String> italian = signInPage(browser(), "it-IT,it;q=0.9");
        assertEquals(200, italian.statusCode());
        assertTrue(italian.body().contains("/resources/") && italian.body().contains("/login/vetnet/css/vetnet.css"),
                "our stylesheet is linked: " + italian.body());
        assertTrue(italian.body().contains("Accedi a VET-NET"), italian.body());

        HttpResponse<String> german = signInPage(browser(), "de");
        assertTrue(german.body().contains("Bei VET-NET anmelden"), german.body());
        HttpResponse<String> english = signInPage(browser(), "fr");
        assertTrue(english.body().contains("Sign in to VET-NET"), english.body());
    }

    @Test
    void aWrongPasswordSaysSoAndKeepsTheUsername() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> signIn = signInPage(browser, "en");
        String page = signIn.body();
        Matcher action = FORM_ACTION.matcher(page);
        assertTrue(action.find(), page);

        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                .header("Cookie", cookies(signIn))
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=not-alice-pass&credentialId=")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(refused.body().contains("Wrong username or password"), refused.body());
        assertTrue(refused.body().contains("value=\"alice\""), "the username stays filled: " + refused.body());
    }
}
