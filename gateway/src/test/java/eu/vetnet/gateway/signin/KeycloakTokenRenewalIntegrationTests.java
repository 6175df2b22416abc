package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.vetnet.gateway.support.EchoServer;
import eu.vetnet.testkit.GatewayBrowser;
import eu.vetnet.gateway.support.KeycloakGateway;
import eu.vetnet.gateway.support.Sockets;
import eu.vetnet.testkit.LocalService;
import eu.vetnet.testkit.LocalServiceExtension;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Room sockets through the gateway against the launcher's real Keycloak with a short realm token lifespan
 * ({@link #LIFESPAN}, set through the local Keycloak administrator for this class and put back after): tokens rotate
 * in-band while the socket stays open, and a role change or a user disabled in Keycloak reaches the socket no later
 * than the next refresh (docs/gateway.md, "Token renewal"). Each delay is printed.
 */
@ExtendWith(LocalServiceExtension.class)
class KeycloakTokenRenewalIntegrationTests {

    private static final URI GATEWAY = KeycloakGateway.URI;
    private static final Duration LIFESPAN = Duration.ofSeconds(15);
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(5);

    private static KeycloakGateway gateway;
    private static EchoServer rooms;
    private static Keycloak admin;
    private static Integer lifespanBefore;

    @BeforeAll
    static void start(@LocalService(Service.KEYCLOAK) ServiceAddress keycloak) {
        Assumptions.assumeTrue(KeycloakGateway.portIsFree(), "port 8080 is taken (./vetnet run?): the realm registers the gateway there");
        admin = KeycloakBuilder.builder().serverUrl(keycloak.uri("http", "").toString()).realm("master")
                .clientId("admin-cli").username("vetnet-admin").password("vetnet-admin-pass").build();
        RealmRepresentation realm;
        try {
            realm = admin.realm("vetnet").toRepresentation();
        } catch (RuntimeException e) {
            Assumptions.abort("the local Keycloak has no administrator vetnet-admin (started by an older launcher?): "
                    + "./vetnet services stop keycloak, then run the tests again (" + e + ")");
            return;
        }
        lifespanBefore = realm.getAccessTokenLifespan();
        realm.setAccessTokenLifespan((int) LIFESPAN.toSeconds());
        admin.realm("vetnet").update(realm);
        gateway = new KeycloakGateway(keycloak, "kc-renewal", "--vetnet.gateway.oidc.refresh-before-expiry=" + REFRESH_MARGIN);
        rooms = gateway.rooms();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (admin != null) {
            if (lifespanBefore != null) {
                RealmRepresentation realm = admin.realm("vetnet").toRepresentation();
                realm.setAccessTokenLifespan(lifespanBefore);
                admin.realm("vetnet").update(realm);
            }
            admin.close();
        }
    }

    private static Sockets.Client open(GatewayBrowser browser, String room) throws Exception {
        Sockets.Client socket = Sockets.openRoom(GATEWAY.toString(), browser, room);
        String hello = socket.next(Duration.ofSeconds(10));
        assertTrue(hello != null && hello.contains("authorization=Bearer "), String.valueOf(hello));
        return socket;
    }

    private static EchoServer.Upgrade upgrade(String room) {
        return rooms.upgrades().stream().filter(u -> u.path().endsWith("/" + room)).findFirst().orElseThrow();
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(String jwt) throws Exception {
        return (List<String>) ((Map<String, Object>) claims(jwt).get("realm_access")).get("roles");
    }

    private static UserResource user(String username) {
        RealmResource realm = admin.realm("vetnet");
        UserRepresentation user = realm.users().searchByUsername(username, true).get(0);
        return realm.users().get(user.getId());
    }

    @Test
    void keycloakTokensRotateInBandWhileTheSocketStaysOpen() throws Exception {
        GatewayBrowser alice = new GatewayBrowser(GATEWAY);
        alice.signIn("alice", "alice-pass");
        Sockets.Client socket = open(alice, "kc-rotation");
        EchoServer.Upgrade upgrade = upgrade("kc-rotation");
        String first = upgrade.authorization().substring("Bearer ".length());
        long lifetime = ((Number) claims(first).get("exp")).longValue() - ((Number) claims(first).get("iat")).longValue();
        assertEquals(LIFESPAN.toSeconds(), lifetime, "the realm's short lifespan is in force");

        Awaitility.await().atMost(LIFESPAN.multipliedBy(5)).until(() -> upgrade.renewals().size() >= 3);

        assertFalse(socket.closeCode.isDone(), "no close while Keycloak's tokens rotate");
        for (String renewed : upgrade.renewals()) {
            Map<String, Object> c = claims(renewed);
            assertEquals(claims(first).get("sub"), c.get("sub"));
            assertEquals("Bearer", c.get("typ"));
            assertTrue(String.valueOf(c.get("aud")).contains("vetnet-gateway"), String.valueOf(c.get("aud")));
        }
        socket.send("still here");
        assertEquals("still here", socket.next(Duration.ofSeconds(10)));
        System.out.printf("keycloak token renewal: %d renewals of %d s tokens, socket open throughout%n",
                upgrade.renewals().size(), LIFESPAN.toSeconds());
        socket.close();
    }

    @Test
    void aRoleGrantedInKeycloakReachesTheSocketWithTheNextRefresh() throws Exception {
        GatewayBrowser fabio = new GatewayBrowser(GATEWAY);
        fabio.signIn("fabio", "fabio-pass");
        Sockets.Client socket = open(fabio, "kc-role");
        EchoServer.Upgrade upgrade = upgrade("kc-role");
        assertFalse(roles(upgrade.authorization().substring(7)).contains("policymaker"));
        UserResource user = user("fabio");
        var policymaker = admin.realm("vetnet").roles().get("policymaker").toRepresentation();
        try {
            user.roles().realmLevel().add(List.of(policymaker));
            Instant granted = Instant.now();

            Awaitility.await().atMost(LIFESPAN.plusSeconds(10)).until(() -> upgrade.renewals().stream().anyMatch(t -> {
                try {
                    return roles(t).contains("policymaker");
                } catch (Exception e) {
                    return false;
                }
            }));
            Duration delay = Duration.between(granted, Instant.now());
            System.out.printf("revocation: a role change in Keycloak reached the room server after %d ms (bound: one "
                    + "access-token lifetime, %d s)%n", delay.toMillis(), LIFESPAN.toSeconds());
            assertTrue(delay.compareTo(LIFESPAN) <= 0, "within one token lifetime: " + delay);
        } finally {
            user.roles().realmLevel().remove(List.of(policymaker));
            socket.close();
        }
    }

    @Test
    void aUserDisabledInKeycloakLosesTheSocketWithTheNextRefresh() throws Exception {
        GatewayBrowser paula = new GatewayBrowser(GATEWAY);
        paula.signIn("paula", "paula-pass");
        Sockets.Client socket = open(paula, "kc-disabled");
        UserResource user = user("paula");
        UserRepresentation representation = user.toRepresentation();
        try {
            representation.setEnabled(false);
            user.update(representation);
            Instant disabled = Instant.now();

            assertEquals(4401, socket.closeCode.get(LIFESPAN.toSeconds() + 10, TimeUnit.SECONDS));
            Duration delay = Duration.between(disabled, Instant.now());
            System.out.printf("revocation: a user disabled in Keycloak lost the socket after %d ms (bound: one "
                    + "access-token lifetime, %d s)%n", delay.toMillis(), LIFESPAN.toSeconds());
            assertTrue(delay.compareTo(LIFESPAN) <= 0, "within one token lifetime: " + delay);
            assertEquals(401, paula.get("/api/me").statusCode(), "and the session is over");
        } finally {
            representation.setEnabled(true);
            user.update(representation);
        }
    }

}
