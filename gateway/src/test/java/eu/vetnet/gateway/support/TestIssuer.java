package eu.vetnet.gateway.support;

import eu.vetnet.identity.IdentityApplication;
import java.time.Duration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The built-in issuer (identity's servlet app) in this JVM, once, on a free port, with the gateway client's
 * redirect URIs pointing at the port the test gateway will take ({@link #GATEWAY_PORT}).
 */
public final class TestIssuer {

    public static final int GATEWAY_PORT = freePort();
    public static final int PORT = freePort();
    public static final String URI = "http://localhost:" + PORT;
    public static final String GATEWAY = "http://localhost:" + GATEWAY_PORT;
    /**
     * Access tokens live this long in the gateway tests (5 minutes in production): every test that keeps a socket
     * open for more than a few seconds sees its token renewed in-band, and TokenRenewalTests sees several renewals.
     */
    public static final Duration ACCESS_TOKEN_TTL = Duration.ofSeconds(10);
    /** The gateway tests' refresh margin (60 s in production), shorter than {@link #ACCESS_TOKEN_TTL}. */
    public static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(3);

    private static ConfigurableApplicationContext context;

    private TestIssuer() {
    }

    /** Starts the issuer unless it runs; returns its base URI. */
    public static synchronized String start() {
        if (context == null) {
            context = new SpringApplicationBuilder(IdentityApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .run("--spring.config.name=vetnet-test-issuer", // not the gateway's application.yaml
                            "--spring.application.name=vetnet-identity",
                            "--server.port=" + PORT,
                            "--vetnet.identity.issuer.issuer-uri=" + URI,
                            "--vetnet.identity.issuer.access-token-ttl=" + ACCESS_TOKEN_TTL,
                            "--vetnet.identity.issuer.gateway.redirect-uris=" + GATEWAY + "/login/oauth2/code/vetnet",
                            "--vetnet.identity.issuer.gateway.post-logout-redirect-uris=" + GATEWAY + "/",
                            "--spring.cloud.gateway.server.webflux.enabled=false",
                            "--spring.cloud.loadbalancer.enabled=false",
                            "--management.endpoints.web.exposure.include=health");
        }
        return URI;
    }

    /** The issuer's signing keys, to sign what the issuer would (a back-channel logout token). */
    @SuppressWarnings("unchecked")
    public static synchronized com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> signingKeys() {
        start();
        return context.getBean(com.nimbusds.jose.jwk.source.JWKSource.class);
    }

    public static int freePort() {
        return eu.vetnet.testkit.FreePorts.pick();
    }
}
