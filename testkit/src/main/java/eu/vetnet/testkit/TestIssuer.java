package eu.vetnet.testkit;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An OIDC issuer for the servers' integration tests: serves its JWKS over HTTP and signs tokens shaped like Keycloak's
 * (realm_access.roles), which each server validates with identity's one decoder. (Sign-in itself is tested against
 * the built-in issuer and Keycloak.)
 */
public final class TestIssuer {

    public static final String ISSUER = "http://test-issuer.vetnet";
    public static final TestIssuer INSTANCE = new TestIssuer();

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("vetnet-test").generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token for {@code username} (subject {@code username-id}) with these realm roles, valid for {@code ttl}. */
    public String token(String username, Duration ttl, String... roles) {
        return token(username, ttl, Map.of(), roles);
    }

    /** As {@link #token(String, Duration, String...)}, with {@code changed} claims put over the usual ones. */
    public String token(String username, Duration ttl, Map<String, Object> changed, String... roles) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .subject(username + "-id")
                    .audience("vetnet-gateway").claim("typ", "Bearer")
                    .claim("preferred_username", username)
                    .claim("name", Character.toUpperCase(username.charAt(0)) + username.substring(1))
                    .claim("realm_access", Map.of("roles", List.of(roles)))
                    .issueTime(Date.from(now.minusSeconds(5)))
                    .expirationTime(Date.from(now.plus(ttl)));
            changed.forEach(builder::claim);
            JWTClaimsSet claims = builder.build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String token(String username, String... roles) {
        return token(username, Duration.ofHours(1), roles);
    }
}
