package eu.vetnet.identity.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.identity.IdentityApplication;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The admin API against the launcher's real Keycloak and the project realm: ada (admin) creates a user in an
 * organisation and grants a role, and the new user's own token then carries both.
 */
@ExtendWith(LocalServiceExtension.class)
class KeycloakAdminApiIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext identity;
    private static URI base;
    private static URI tokenEndpoint;

    @BeforeAll
    static void start(@LocalService(Service.KEYCLOAK) ServiceAddress keycloak) {
        String issuer = keycloak.uri("http", "/realms/vetnet").toString();
        tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
        identity = new SpringApplicationBuilder(IdentityApplication.class).web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--vetnet.oidc.issuer-uri=" + issuer);
        int port = ((WebServerApplicationContext) identity).getWebServer().getPort();
        base = URI.create("http://localhost:" + port);
    }

    @AfterAll
    static void stop() {
        if (identity != null) {
            identity.close();
        }
    }

    @Test
    void adminCreatesAUserInAnOrganisationAndGrantsARoleWhichTheUsersTokenThenCarries() throws Exception {
        String ada = token("ada", "ada-pass");
        String username = "test-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = call("POST", "/api/admin/users", ada, """
                {"username": "%s", "firstName": "Tess", "lastName": "Trainer", "email": "%s@vetnet.test",
                 "password": "%s-pass", "organisation": "northfield-vet-college", "roles": ["PARTICIPANT"]}
                """.formatted(username, username, username));
        assertEquals(201, created.statusCode(), created.body());
        Map<String, Object> user = JSONObjectUtils.parse(created.body());
        assertEquals("northfield-vet-college", user.get("organisation"));
        assertEquals(List.of("PARTICIPANT"), user.get("roles"));

        HttpResponse<String> granted = call("PUT", "/api/admin/users/" + user.get("id") + "/roles/facilitator", ada, null);
        assertEquals(200, granted.statusCode(), granted.body());

        Map<String, Object> claims = claims(token(username, username + "-pass"));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
        assertTrue(roles.containsAll(List.of("participant", "facilitator")), roles.toString());
        assertEquals(List.of("/organisations/northfield-vet-college"), claims.get("groups"));

        HttpResponse<String> moved = call("PUT", "/api/admin/users/" + user.get("id") + "/organisation", ada,
                "{\"organisation\": \"craft-sme-association\"}");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("craft-sme-association", JSONObjectUtils.parse(moved.body()).get("organisation"));

        assertTrue(call("GET", "/api/admin/directory", ada, null).body().contains("\"editable\":true"));
        HttpResponse<String> list = call("GET", "/api/admin/users?max=500", ada, null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"username\":\"" + username + "\""), list.body());
        assertTrue(list.body().contains("\"username\":\"alice\""), list.body());
    }

    @Test
    void aPersonDeletesTheirOwnKeycloakAccountAndCannotSignInAgain() throws Exception {
        String ada = token("ada", "ada-pass");
        String username = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = call("POST", "/api/admin/users", ada, """
                {"username": "%s", "firstName": "Gina", "lastName": "Gone", "email": "%s@vetnet.test", "password": "%s-pass",
                 "roles": ["PARTICIPANT"]}""".formatted(username, username, username));
        assertEquals(201, created.statusCode(), created.body());
        String theirs = token(username, username + "-pass");

        assertEquals(400, call("DELETE", "/api/account?confirm=ada", theirs, null).statusCode(), "not confirmed: nothing deleted");
        assertEquals(200, signIn(username, username + "-pass").statusCode());
        HttpResponse<String> deleted = call("DELETE", "/api/account?confirm=" + username, theirs, null);
        assertEquals(204, deleted.statusCode(), deleted.body());

        HttpResponse<String> again = signIn(username, username + "-pass");
        assertTrue(again.statusCode() / 100 == 4 && again.body().contains("invalid_grant"), "the account is gone from Keycloak: "
                + again.statusCode() + " " + again.body());
        assertFalse(call("GET", "/api/admin/users?max=500", ada, null).body().contains("\"username\":\"" + username + "\""));
        assertEquals(204, call("DELETE", "/api/account?confirm=" + username, theirs, null).statusCode(), "asking again changes nothing");
    }

    @Test
    void facilitatorFindsPeopleByNameOrEmailAndLooksUpAnAccessListWithoutSeeingEmails() throws Exception {
        String fabio = token("fabio", "fabio-pass");

        HttpResponse<String> byName = call("GET", "/api/directory/people?q=polic", fabio, null);
        assertEquals(200, byName.statusCode(), byName.body());
        assertTrue(byName.body().contains("\"username\":\"paula\""), byName.body());
        assertTrue(byName.body().contains("\"name\":\"Paula Policymaker\""), byName.body());
        assertTrue(!byName.body().contains("@vetnet.test"), "the answer repeats e-mails: " + byName.body());

        HttpResponse<String> byEmail = call("GET", "/api/directory/people?q=alice%40vetnet", fabio, null);
        assertTrue(byEmail.body().contains("\"username\":\"alice\""), byEmail.body());

        HttpResponse<String> looked = call("GET", "/api/directory/people?entry=alice&entry=nobody-here&entry=paula", fabio, null);
        List<?> people = (List<?>) JSONObjectUtils.parse("{\"p\":" + looked.body() + "}").get("p");
        assertEquals(List.of("alice", "paula"), people.stream().map(p -> ((Map<?, ?>) p).get("username")).toList());
        String aliceId = (String) ((Map<?, ?>) people.get(0)).get("id");
        HttpResponse<String> byId = call("GET", "/api/directory/people?entry=" + aliceId, fabio, null);
        assertTrue(byId.body().contains("\"username\":\"alice\""), byId.body());

        assertEquals(403, call("GET", "/api/directory/people?q=pau", token("alice", "alice-pass"), null).statusCode());
    }

    @Test
    void participantCannotUseTheAdminApi() throws Exception {
        assertEquals(403, call("GET", "/api/admin/users", token("alice", "alice-pass"), null).statusCode());
    }

    @Test
    void unknownOrganisationIsRefusedWithTheReason() throws Exception {
        String ada = token("ada", "ada-pass");
        HttpResponse<String> list = call("GET", "/api/admin/users", ada, null);
        List<?> users = (List<?>) JSONObjectUtils.parse("{\"users\":" + list.body() + "}").get("users");
        String aliceId = users.stream().map(u -> (Map<?, ?>) u).filter(u -> "alice".equals(u.get("username")))
                .map(u -> (String) u.get("id")).findFirst().orElseThrow();

        HttpResponse<String> response = call("PUT", "/api/admin/users/" + aliceId + "/organisation", ada, "{\"organisation\": \"nowhere\"}");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("/organisations/nowhere"), response.body());
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user, String password) throws Exception {
        HttpResponse<String> response = signIn(user, password);
        assertEquals(200, response.statusCode(), response.body());
        return (String) JSONObjectUtils.parse(response.body()).get("access_token");
    }

    /** Keycloak's token endpoint, asked with the password (the test client allows it): 200 with tokens, or 401. */
    private static HttpResponse<String> signIn(String user, String password) throws Exception {
        String form = "grant_type=password&client_id=vetnet-web&scope=openid&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response;
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
