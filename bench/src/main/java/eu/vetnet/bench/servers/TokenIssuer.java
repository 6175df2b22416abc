package eu.vetnet.bench.servers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A minimal token issuer for the benchmark: one RSA key, its JWKS over HTTP, RS256 tokens shaped like
 * Keycloak's (sub, preferred_username, name, realm_access.roles). The room server validates them exactly as it
 * validates the real issuer's, signature included, so authentication costs what it costs in production.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String ISSUER = "http://vetnet-bench-issuer";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final HttpServer http;

    public TokenIssuer() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + unsigned(pub.getModulus()) + "\",\"e\":\"" + unsigned(pub.getPublicExponent()) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        http.start();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks";
    }

    /** A token valid for two hours for {@code user} with the given realm roles. */
    public String token(String user, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder r = new StringBuilder();
        for (String role : roles) {
            r.append(r.isEmpty() ? "" : ",").append('"').append(role).append('"');
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"vetnet-gateway\",\"typ\":\"Bearer\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user
                + "\",\"name\":\"" + user + "\",\"iat\":" + now + ",\"exp\":" + (now + 7200)
                + ",\"realm_access\":{\"roles\":[" + r + "]}}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
