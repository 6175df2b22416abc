package eu.vetnet.identity.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps every VET-NET server reading the next request on a kept-alive HTTP/1.1 connection.
 *
 * <p>Reactor Netty 1.3.6 (the one Spring Boot 4.0.7 brings) holds back a request that arrives on a kept-alive
 * connection before the previous exchange has wound down, and now and then never reads that connection again: the
 * client waits for an answer that never comes (seen as a 60 s time-out in CI, measured as 8 of 5,000 quick requests
 * in a row; reactor-netty issue 4361, fixed after 1.3.8). Finishing each exchange as its last bytes are flushed
 * ({@code reactor.netty.http.server.lastFlushWhenNoRead}) lets such a request be served at once instead (0 of 10,000).
 * It is a JVM-wide setting read once, when Reactor Netty's server classes load, so it is set here, before any server
 * starts; an operator's own {@code -D} value is left as it is. See docs/operations.md "HTTP keep-alive".
 */
public class KeepAliveReads implements EnvironmentPostProcessor {

    public static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply();
    }

    /** Sets the setting unless given; for a Reactor Netty server started outside Spring Boot (a test's stub), first. */
    public static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
