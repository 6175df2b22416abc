package eu.vetnet.identity.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The identity server's error pages are ours, translated; the one language rule is pinned here. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vetnet.identity.issuer.issuer-uri=http://localhost:8090")
class ErrorPagesTests {

    @LocalServerPort
    int port;

    @Test
    void aRefusedFormPostShowsOurPageInTheBrowsersLanguage() throws Exception {
        // A sign-in form posted without its CSRF token: refused (403) by Spring Security, shown by us.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Accept", "text/html").header("Accept-Language", "de-DE,de;q=0.9")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=x")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("<html lang=\"de\">") && response.body().contains("Du darfst das nicht öffnen"), response.body());
        assertTrue(response.body().contains("Fehler 403"), response.body());
        assertFalse(response.body().contains("Whitelabel"), response.body());
    }

    @Test
    void theFirstOfTheBrowsersLanguagesWeHaveWinsElseEnglish() {
        assertEquals("it", BrandedPages.language(List.of(Locale.FRENCH, Locale.forLanguageTag("it-CH"), Locale.GERMAN)));
        assertEquals("en", BrandedPages.language(List.of(Locale.FRENCH)));
        assertEquals("en", BrandedPages.language(List.of()));
    }

    @Test
    void everyStatusGetsAPageThatSaysWhatToDo() {
        for (int status : new int[] {400, 401, 403, 404, 405, 429, 500, 502, 503}) {
            for (String lang : BrandedPages.LANGUAGES) {
                String page = BrandedPages.errorPage(status, List.of(Locale.forLanguageTag(lang)));
                assertTrue(page.contains("<h1>") && page.contains(String.valueOf(status)) && page.contains("href=\"/\""), status + " " + lang);
            }
        }
        assertTrue(BrandedPages.errorPage(502, List.of(Locale.ENGLISH)).contains("Something went wrong on our side"));
        assertTrue(BrandedPages.errorPage(405, List.of(Locale.ENGLISH)).contains("This request was refused"));
    }
}
