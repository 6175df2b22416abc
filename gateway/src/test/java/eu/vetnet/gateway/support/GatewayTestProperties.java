package eu.vetnet.gateway.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts the issuer and echo servers before the gateway context, and points the gateway at them. */
public final class GatewayTestProperties {

    private GatewayTestProperties() {
    }

    /** The bearer token Prometheus would scrape the test gateways with. */
    public static final String METRICS_TOKEN = "test-scrape-token";
    /** Sign-in starts per address: per minute, and at once. */
    public static final int SIGN_IN_STARTS_PER_MINUTE = 600;
    public static final int SIGN_IN_BURST = 100;
    /** Public pages per reader: per second, and at once (PublicReadLimitTests floods from 127.0.0.3). */
    public static final int PUBLIC_READS_PER_SECOND = 10;
    public static final int PUBLIC_BURST = 100;

    /** The gateway's settings for the tests. */
    public static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", TestIssuer.GATEWAY_PORT);
        p.put("vetnet.gateway.oidc.built-in-issuer-uri", TestIssuer.URI);
        p.put("vetnet.gateway.oidc.issuer-uri", "");
        p.put("vetnet.gateway.rooms.instances", EchoServers.A.uri() + "," + EchoServers.B.uri());
        p.put("vetnet.gateway.identity-uri", TestIssuer.URI);
        p.put("vetnet.gateway.community-uri", EchoServers.COMMUNITY.uri().toString());
        p.put("vetnet.gateway.learning-uri", EchoServers.LEARNING.uri().toString());
        p.put("vetnet.gateway.websocket.allowed-origins", TestIssuer.GATEWAY);
        p.put("vetnet.gateway.rate-limit.replenish-per-second", 1000);
        p.put("vetnet.gateway.rate-limit.burst", 2000);
        p.put("vetnet.gateway.session.socket-sweep-interval", "500ms");
        p.put("vetnet.gateway.metrics.scrape-token", METRICS_TOKEN);
        p.put("vetnet.gateway.oidc.refresh-before-expiry", TestIssuer.REFRESH_BEFORE_EXPIRY.toString());
        // Every test signs in from 127.0.0.1: room for them all; SignInStartFloodTests floods from 127.0.0.2.
        p.put("vetnet.gateway.sign-in.starts-per-minute", SIGN_IN_STARTS_PER_MINUTE);
        p.put("vetnet.gateway.sign-in.burst", SIGN_IN_BURST);
        p.put("vetnet.gateway.rate-limit.public-replenish-per-second", PUBLIC_READS_PER_SECOND);
        p.put("vetnet.gateway.rate-limit.public-burst", PUBLIC_BURST);
        return p;
    }

    /** Adds {@link #properties()} ahead of application.yaml. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestIssuer.start();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vetnet-gateway-test", properties()));
        }
    }
}
