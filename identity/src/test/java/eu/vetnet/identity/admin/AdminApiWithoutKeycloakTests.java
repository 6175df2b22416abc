package eu.vetnet.identity.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.identity.issuer.BrowserSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the built-in issuer there is nothing to administer: the admin API says so, but only to admins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vetnet.identity.issuer.issuer-uri=http://localhost:8090")
class AdminApiWithoutKeycloakTests {

    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/vetnet";

    @LocalServerPort
    int port;

    @Test
    void adminGets503WithTheReasonAndHowToFixIt() throws Exception {
        HttpResponse<String> response = listUsers(token("ada", "ada-pass"));

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("VETNET_OIDC_ISSUER_URI"), response.body());
    }

    @Test
    void participantIsForbidden() throws Exception {
        assertEquals(403, listUsers(token("alice", "alice-pass")).statusCode());
    }

    @Test
    void anonymousCallerIsUnauthorized() throws Exception {
        assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(base().resolve("/api/admin/users")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private HttpResponse<String> listUsers(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base().resolve("/api/admin/users"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String user, String password) throws Exception {
        return (String) BrowserSession.gatewayTokens(base(), REDIRECT, user, password).get("access_token");
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}
