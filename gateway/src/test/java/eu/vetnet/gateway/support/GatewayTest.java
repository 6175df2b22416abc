package eu.vetnet.gateway.support;

import eu.vetnet.gateway.GatewayApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway on {@link TestIssuer#GATEWAY_PORT} (the built-in issuer's registered redirect URI), signing in
 * against the in-process built-in issuer and routing rooms to the two {@link EchoServers}. Every test class with
 * this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = GatewayTestProperties.Initializer.class)
public @interface GatewayTest {
}
