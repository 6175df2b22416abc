package eu.vetnet.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The one access-token decoder (AccessTokenDecoders) against an issuer served over real HTTP: discovery, key
 * rotation, the refetch cooldown under a flood of made-up key ids, and what it refuses besides a bad signature.
 */
class IssuerKeysTests {

    private static final String AUDIENCE = AccessTokenValidators.DEFAULT_AUDIENCE;

    private HttpServer server;
    private String issuer;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    /** How long the issuer takes to answer for its keys. */
    private final java.util.concurrent.atomic.AtomicLong jwksDelayMs = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private RSAKey key;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("key-1").generate();
        published.set(new JWKSet(key.toPublicJWK()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/realms/test/certs", exchange -> {
            jwksRequests.incrementAndGet();
            try {
                Thread.sleep(jwksDelayMs.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        clock = new MutableClock(Instant.now());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JwtDecoder decoder() {
        return AccessTokenDecoders.blocking(new IssuerKeys(issuer, null, Duration.ofSeconds(30), clock), issuer, AUDIENCE);
    }

    private String token(RSAKey signer, Map<String, Object> extra) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("alice-id").audience(AUDIENCE)
                .claim("typ", "Bearer").issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        extra.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    @Test
    void anAccessTokenOfTheIssuerForOurAudienceIsAccepted() throws Exception {
        Jwt jwt = decoder().decode(token(key, Map.of()));

        assertEquals("alice-id", jwt.getSubject());
        assertEquals(1, jwksRequests.get(), "the keys were fetched once, on first use");
    }

    @Test
    void theFirstTokensArrivingTogetherWaitForTheOneFetchAndAreAllAccepted() throws Exception {
        // As after a start: the app's first page asks several things at once, before the keys are known.
        jwksDelayMs.set(500);
        JwtDecoder decoder = decoder();
        String token = token(key, Map.of());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var decoded = new java.util.ArrayList<java.util.concurrent.Future<Jwt>>();
            for (int i = 0; i < 8; i++) {
                decoded.add(pool.submit(() -> decoder.decode(token)));
            }
            for (var d : decoded) {
                assertEquals("alice-id", d.get(10, java.util.concurrent.TimeUnit.SECONDS).getSubject());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, jwksRequests.get(), "one fetch, the others waited for it");
    }

    @Test
    void anIdTokenARefreshTokenAndATokenForAnotherAudienceAreRefused() throws Exception {
        JwtDecoder decoder = decoder();

        assertThrows(JwtValidationException.class, () -> decoder.decode(token(key, Map.of("typ", "ID"))), "an ID token");
        assertThrows(JwtValidationException.class, () -> decoder.decode(token(key, Map.of("typ", "Refresh"))));
        assertThrows(JwtValidationException.class, () -> decoder.decode(token(key, Map.of("aud", "another-client"))));
        assertThrows(JwtValidationException.class, () -> decoder.decode(token(key, Map.of("iss", "http://elsewhere"))));
        // No typ at all (a token of some other issuer or client shape): not an access token we know.
        JWTClaimsSet noTyp = new JWTClaimsSet.Builder().issuer(issuer).subject("alice-id").audience(AUDIENCE)
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), noTyp);
        jwt.sign(new RSASSASigner(key));
        assertThrows(JwtValidationException.class, () -> decoder.decode(jwt.serialize()));
    }

    @Test
    void aFloodOfMadeUpKeyIdsCausesAtMostOneFetchPerCooldown() throws Exception {
        JwtDecoder decoder = decoder();
        decoder.decode(token(key, Map.of()));
        int afterFirstUse = jwksRequests.get();

        RSAKey forgerKey = new RSAKeyGenerator(2048).generate();
        for (int i = 0; i < 500; i++) {
            RSAKey forger = new RSAKey.Builder(forgerKey).keyID("forged-" + i).build();
            String forged = token(forger, Map.of());
            assertThrows(BadJwtException.class, () -> decoder.decode(forged));
            if (i == 250) {
                clock.advance(Duration.ofSeconds(31)); // one cooldown passes in the middle of the flood
            }
        }

        int fetched = jwksRequests.get() - afterFirstUse;
        System.out.printf("forged-kid flood: 500 tokens, %d key fetches (cooldown 30 s, one cooldown passed)%n", fetched);
        assertEquals(1, fetched, "one fetch, in the second cooldown; none for the 250 forged ids of the first");
    }

    @Test
    void aRotatedKeyIsFetchedOnceTheCooldownAllowsIt() throws Exception {
        JwtDecoder decoder = decoder();
        decoder.decode(token(key, Map.of()));
        RSAKey next = new RSAKeyGenerator(2048).keyID("key-2").generate();
        published.set(new JWKSet(List.of(key.toPublicJWK(), next.toPublicJWK())));
        clock.advance(Duration.ofSeconds(31));

        Jwt jwt = decoder.decode(token(next, Map.of()));

        assertEquals("alice-id", jwt.getSubject());
        assertEquals(2, jwksRequests.get());
    }

    @Test
    void anIssuerThatCannotBeReachedRefusesTokensAndIsAskedAgainOnlyAfterTheCooldown() throws Exception {
        server.stop(0);
        IssuerKeys keys = new IssuerKeys(issuer, null, Duration.ofSeconds(30), clock);
        JwtDecoder decoder = AccessTokenDecoders.blocking(keys, issuer, AUDIENCE);
        String token = token(key, Map.of());

        assertThrows(JwtException.class, () -> decoder.decode(token));
        assertThrows(JwtException.class, () -> decoder.decode(token));
        assertEquals(1, keys.fetches(), "one try, then the cooldown");
        clock.advance(Duration.ofSeconds(31));
        assertThrows(JwtException.class, () -> decoder.decode(token));
        assertEquals(2, keys.fetches());
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
