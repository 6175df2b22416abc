package eu.vetnet.gateway.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.support.GatewayTest;
import eu.vetnet.gateway.support.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A browser that meets an error at the gateway gets our page in its language; a JSON caller gets JSON, as before. */
@GatewayTest
class ErrorPagesTests {

    private static HttpResponse<String> get(String path, String accept, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestIssuer.GATEWAY + path))
                .header("Accept", accept).header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserGetsOurPageInItsLanguageNeverTheWhiteLabel() throws Exception {
        HttpResponse<String> italian = get("/no-such-file.js", "text/html,application/xhtml+xml,*/*;q=0.8", "it-IT,it;q=0.9,en;q=0.5");

        assertEquals(404, italian.statusCode());
        assertTrue(italian.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), italian.headers().map().toString());
        assertTrue(italian.body().contains("<html lang=\"it\">"), italian.body());
        assertTrue(italian.body().contains("Pagina non trovata") && italian.body().contains("href=\"/\""), italian.body());
        assertFalse(italian.body().contains("Whitelabel"), italian.body());

        HttpResponse<String> german = get("/no-such-file.js", "text/html", "de-AT");
        assertTrue(german.body().contains("Seite nicht gefunden"), german.body());
        HttpResponse<String> otherLanguage = get("/no-such-file.js", "text/html", "fr-FR");
        assertTrue(otherLanguage.body().contains("Page not found"), otherLanguage.body());
    }

    @Test
    void aJsonCallerStillGetsJson() throws Exception {
        HttpResponse<String> json = get("/no-such-file.js", "application/json", "it");

        assertEquals(404, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), json.headers().map().toString());
        assertTrue(json.body().contains("\"status\":404"), json.body());
    }
}
