package eu.vetnet.gateway.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.gateway.redis.GatewayRedis;
import eu.vetnet.testkit.LocalServices;
import eu.vetnet.testkit.Service;
import eu.vetnet.testkit.ServiceAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The links from the issuer's sign-ins to our sessions, in the launcher's real Redis: found by sid (Keycloak's
 * logout tokens) or by subject, only for the same issuer and audience, and gone once taken.
 */
class RedisOidcSessionRegistryIntegrationTests {

    private static final String ISSUER = "http://issuer.test/realms/vetnet";

    private GatewayRedis redis;
    private RedisOidcSessionRegistry registry;
    private final String subject = "user-" + UUID.randomUUID();
    private final String sid = "sid-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        ServiceAddress address = LocalServices.ensureRunning(Service.REDIS);
        redis = new GatewayRedis(URI.create("redis://" + address.host() + ":" + address.port()));
        registry = new RedisOidcSessionRegistry(redis, Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        redis.strings().del("vetnet:oidc:sid:" + sid, "vetnet:oidc:sub:" + subject).block(Duration.ofSeconds(5));
        redis.close();
    }

    private OidcSessionInformation session(String sessionId, String issuerSid) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").issuer(ISSUER).subject(subject)
                .audience(List.of("vetnet-gateway")).claim("sid", issuerSid)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return new OidcSessionInformation(sessionId, Map.of("X-CSRF-TOKEN", "csrf"), new DefaultOidcUser(Set.of(), idToken));
    }

    private OidcLogoutToken.Builder logoutToken() {
        return OidcLogoutToken.withTokenValue("logout-token").issuer(ISSUER).audience(List.of("vetnet-gateway"))
                .jti(UUID.randomUUID().toString())
                .events(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
    }

    private List<String> removed(OidcLogoutToken token) {
        return registry.removeSessionInformation(token).map(OidcSessionInformation::getSessionId).collectList()
                .block(Duration.ofSeconds(5));
    }

    @Test
    void aLogoutTokenWithSidEndsOnlyThatSignInsSessions() {
        String ours = "s-" + UUID.randomUUID();
        String otherSignIn = "s-" + UUID.randomUUID();
        registry.saveSessionInformation(session(ours, sid)).block(Duration.ofSeconds(5));
        registry.saveSessionInformation(session(otherSignIn, "another-" + sid)).block(Duration.ofSeconds(5));

        assertEquals(List.of(ours), removed(logoutToken().sessionId(sid).subject(subject).build()));
        assertEquals(List.of(), removed(logoutToken().sessionId(sid).build()), "taken once");
        assertEquals(List.of(otherSignIn), removed(logoutToken().subject(subject).build()), "by subject: the rest");
    }

    @Test
    void anotherIssuerOrAudienceMatchesNothing() {
        String ours = "s-" + UUID.randomUUID();
        registry.saveSessionInformation(session(ours, sid)).block(Duration.ofSeconds(5));

        assertEquals(List.of(), removed(logoutToken().issuer("http://elsewhere.test").sessionId(sid).build()));
        assertEquals(List.of(), removed(logoutToken().audience(List.of("another-client")).sessionId(sid).build()));
        assertEquals(List.of(ours), removed(logoutToken().sessionId(sid).build()));
    }

    @Test
    void aSessionThatEndsOrChangesItsIdLeavesNoLinkBehind() {
        String ours = "s-" + UUID.randomUUID();
        registry.saveSessionInformation(session(ours, sid)).block(Duration.ofSeconds(5));
        long ttl = redis.strings().pttl("vetnet:oidc:session:" + ours).block(Duration.ofSeconds(5));
        assertTrue(ttl > 50_000 && ttl <= 60_000, "kept for the sign-in lifetime: " + ttl);

        OidcSessionInformation taken = registry.removeSessionInformation(ours).block(Duration.ofSeconds(5));

        assertEquals(ours, taken.getSessionId());
        assertEquals(Map.of("X-CSRF-TOKEN", "csrf"), taken.getAuthorities(), "read back whole");
        assertNull(registry.removeSessionInformation(ours).block(Duration.ofSeconds(5)));
        assertEquals(0L, redis.strings().scard("vetnet:oidc:sid:" + sid).block(Duration.ofSeconds(5)));
        assertEquals(0L, redis.strings().scard("vetnet:oidc:sub:" + subject).block(Duration.ofSeconds(5)));
    }
}
