package eu.vetnet.identity.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.identity.issuer.BrowserSession;
import eu.vetnet.identity.issuer.DemoUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the built-in issuer the admin API lists the demo users and refuses every change with the reason (only to
 * admins); the people directory searches them for facilitators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vetnet.identity.issuer.issuer-uri=http://localhost:8090")
class AdminApiWithoutKeycloakTests {

    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/vetnet";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void adminSeesTheDemoUsersWithTheirIssuedSubjects() throws Exception {
        HttpResponse<String> response = get("/api/admin/users", token("ada", "ada-pass"));

        assertEquals(200, response.statusCode(), response.body());
        List<?> users = list(response.body());
        assertEquals(List.of("ada", "alice", "bruno", "carla", "dario", "fabio", "paula", "petra"),
                users.stream().map(u -> ((Map<?, ?>) u).get("username")).toList());
        Map<?, ?> fabio = (Map<?, ?>) users.get(5);
        assertEquals(DemoUsers.find("fabio").orElseThrow().subject(), fabio.get("id"));
        assertEquals("northfield-vet-college", fabio.get("organisation"));
        assertEquals(List.of("FACILITATOR"), fabio.get("roles"));
    }

    @Test
    void theAdminAreaIsToldTheUsersAreReadOnlyAndWhy() throws Exception {
        HttpResponse<String> info = get("/api/admin/directory", token("ada", "ada-pass"));

        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("\"editable\":false") && info.body().contains("VETNET_OIDC_ISSUER_URI"), info.body());
    }

    @Test
    void aChangeGets503WithTheReasonAndHowToFixIt() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base().resolve("/api/admin/users"))
                .header("Authorization", "Bearer " + token("ada", "ada-pass")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"tess\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"fix\":\"set VETNET_OIDC_ISSUER_URI") && response.body().contains("\"status\":503"),
                "the app's one shape of a refusal, {status, error, message, fix}: " + response.body());
    }

    @Test
    void aDemoAccountIsNotDeletedAndTheAnswerSaysWhyAndAnUnconfirmedDeletionIsRefused() throws Exception {
        String alice = token("alice", "alice-pass");
        HttpResponse<String> unconfirmed = HTTP.send(HttpRequest.newBuilder(base().resolve("/api/account?confirm=bruno"))
                .header("Authorization", "Bearer " + alice).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unconfirmed.statusCode(), unconfirmed.body());
        assertTrue(unconfirmed.body().contains("confirm=alice"), unconfirmed.body());

        HttpResponse<String> demo = HTTP.send(HttpRequest.newBuilder(base().resolve("/api/account?confirm=alice"))
                .header("Authorization", "Bearer " + alice).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, demo.statusCode(), demo.body());
        assertTrue(demo.body().contains("demo accounts cannot be deleted"), demo.body());
        assertEquals(200, get("/api/directory/people?q=alice", token("fabio", "fabio-pass")).statusCode());
    }

    @Test
    void participantIsForbidden() throws Exception {
        assertEquals(403, get("/api/admin/users", token("alice", "alice-pass")).statusCode());
        assertEquals(403, get("/api/directory/people?q=fab", token("alice", "alice-pass")).statusCode());
    }

    @Test
    void anonymousCallerIsUnauthorized() throws Exception {
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(base().resolve("/api/admin/users")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void facilitatorFindsPeopleByAnyPartOfNameOrEmailButIsNotShownTheEmail() throws Exception {
        String fabio = token("fabio", "fabio-pass");

        HttpResponse<String> byName = get("/api/directory/people?q=POLICY", fabio);
        assertEquals(200, byName.statusCode(), byName.body());
        assertEquals(List.of(Map.of("id", DemoUsers.find("paula").orElseThrow().subject(), "username", "paula",
                "name", "Paula Policymaker")), list(byName.body()));
        assertEquals(1, list(get("/api/directory/people?q=alice%40vetnet", fabio).body()).size());
        assertFalse(get("/api/directory/people?q=vetnet.test", fabio).body().contains("@"));
        assertEquals(List.of(), list(get("/api/directory/people?q=palua", fabio).body()));

        HttpResponse<String> tooShort = get("/api/directory/people?q=a", fabio);
        assertEquals(400, tooShort.statusCode());
        assertTrue(tooShort.body().contains("at least 2"), tooShort.body());
    }

    @Test
    void anAccessListIsNamedByUsernameOrIdAndUnknownEntriesAreLeftOut() throws Exception {
        String aliceId = DemoUsers.find("alice").orElseThrow().subject();

        HttpResponse<String> response = get("/api/directory/people?entry=paula&entry=nobody&entry=" + aliceId, token("ada", "ada-pass"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("paula", "alice"), list(response.body()).stream().map(u -> ((Map<?, ?>) u).get("username")).toList());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<?> list(String json) throws Exception {
        return (List<?>) JSONObjectUtils.parse("{\"l\":" + json + "}").get("l");
    }

    private String token(String user, String password) throws Exception {
        return (String) BrowserSession.gatewayTokens(base(), REDIRECT, user, password).get("access_token");
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}
