package eu.vetnet.gateway.production;

import eu.vetnet.gateway.signin.OidcProperties;
import eu.vetnet.gateway.signin.SessionProperties;
import eu.vetnet.gateway.websocket.WebSocketProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Runs {@link ProductionSafety} while the context is built: a failure fails the start, before the port is
 * opened, so an unsafe gateway never serves a request.
 */
@Configuration(proxyBeanMethods = false)
public class ProductionSafetyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafetyConfiguration.class);

    @Bean
    ProductionSafety productionSafety(OidcProperties oidc, SessionProperties session, WebSocketProperties websocket,
            Environment environment) {
        ProductionSafety safety = new ProductionSafety(oidc, session, websocket.getAllowedOrigins(),
                List.of(environment.getActiveProfiles()));
        safety.enforce();
        String reason = safety.productionReason();
        // Said once at start, so that an operator can see which mode a gateway runs in.
        log.info(reason == null ? "Production mode off (local origins, no 'prod' profile): development defaults allowed"
                : "Production mode on (" + reason + "): every production rule holds");
        return safety;
    }
}
