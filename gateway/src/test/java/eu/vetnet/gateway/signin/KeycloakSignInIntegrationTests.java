package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.KeycloakGateway;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.testkit.LocalService;
import eu.vetnet.testkit.LocalServiceExtension;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The gateway signing people in with the launcher's real Keycloak (deploy/keycloak/vetnet-realm.json). The realm
 * registers the gateway at http://localhost:8080 (redirect URI and back-channel logout URL), so the gateway runs on
 * 8080 here; the test is skipped, saying why, when something else holds that port (a running ./vetnet run).
 */
@ExtendWith(LocalServiceExtension.class)
class KeycloakSignInIntegrationTests {

    private static final int PORT = KeycloakGateway.PORT;
    private static final URI GATEWAY = KeycloakGateway.URI;

    private static KeycloakGateway gateway;
    private static String realmUrl;
    private static ServiceAddress keycloakAddress;

    @BeforeAll
    static void start(@LocalService(Service.KEYCLOAK) ServiceAddress keycloak) {
        Assumptions.assumeTrue(KeycloakGateway.portIsFree(), "port 8080 is taken (./vetnet run?): the realm registers the gateway there");
        keycloakAddress = keycloak;
        gateway = new KeycloakGateway(keycloak, "kc");
        realmUrl = gateway.realmUrl();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest(name = "{0} signs in through Keycloak and is {1}")
    @CsvSource({
        "alice, PARTICIPANT, craft-sme-association",
        "fabio, FACILITATOR, northfield-vet-college",
        "paula, POLICYMAKER, regional-skills-policy-office",
        "ada,   ADMIN,       ''",
    })
    void demoUserSignsInThroughKeycloakAndApiMeShowsItsRoleAndOrganisation(String user, String role, String organisation)
            throws Exception {
        GatewayBrowser browser = new GatewayBrowser(GATEWAY);
        URI landing = browser.signIn(user, user + "-pass");

        assertEquals(GATEWAY + "/", landing.toString());
        assertTrue(browser.visited.stream().anyMatch(u -> u.toString().startsWith(realmUrl + "/protocol/openid-connect/auth")
                && u.getQuery().contains("code_challenge_method=S256")), browser.visited.toString());
        HttpResponse<String> me = browser.get("/api/me");
        assertEquals(200, me.statusCode(), me.body());
        Map<String, Object> json = JSONObjectUtils.parse(me.body());
        assertEquals(user, json.get("username"));
        assertEquals(List.of(role), json.get("roles"));
        assertEquals(organisation.isEmpty() ? null : organisation, json.get("organisation"));
    }

    @Test
    void keycloakBackChannelLogoutEndsTheGatewaySessionAndClosesItsSockets() throws Exception {
        GatewayBrowser alice = new GatewayBrowser(GATEWAY);
        alice.signIn("alice", "alice-pass");
        Sockets.Client socket = Sockets.openRoom(GATEWAY.toString(), alice, "backchannel");
        String hello = socket.next(Duration.ofSeconds(10));
        assertTrue(hello != null && hello.contains("authorization=Bearer "), String.valueOf(hello));

        // An administrator signs alice out in Keycloak; Keycloak tells the gateway over the back channel.
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(keycloakAddress.uri("http", "").toString()).realm("vetnet")
                .grantType("client_credentials").clientId("vetnet-gateway").clientSecret("vetnet-gateway-secret").build()) {
            UserRepresentation user = admin.realm("vetnet").users().searchByUsername("alice", true).get(0);
            long loggedOut = System.nanoTime();
            admin.realm("vetnet").users().get(user.getId()).logout();
            assertEquals(4401, socket.closeCode.get(15, TimeUnit.SECONDS));
            System.out.printf("revocation: a back-channel logout from Keycloak closed the socket after %d ms (bound: at once)%n",
                    (System.nanoTime() - loggedOut) / 1_000_000);
        }

        assertEquals(401, alice.get("/api/me").statusCode());
    }

}
