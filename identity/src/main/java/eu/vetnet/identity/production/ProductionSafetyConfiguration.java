package eu.vetnet.identity.production;

import eu.vetnet.identity.admin.KeycloakAdminProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Runs {@link ProductionSafety} while the context is built: a failure fails the start before the port is opened,
 * so an unsafe identity server never answers a sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class ProductionSafetyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafetyConfiguration.class);

    @Bean
    ProductionSafety productionSafety(@Value("${vetnet.oidc.issuer-uri:}") String externalIssuerUri,
            // The built-in issuer's properties exist only while it is on; its URL matters to the rules either way.
            @Value("${vetnet.identity.issuer.issuer-uri:http://localhost:8090}") String builtInIssuerUri,
            KeycloakAdminProperties admin, Environment environment) {
        ProductionSafety safety = new ProductionSafety(new ProductionSafety.Settings(externalIssuerUri,
                builtInIssuerUri, admin.getClientId(), admin.getClientSecret(), List.of(environment.getActiveProfiles())));
        safety.enforce();
        String reason = safety.productionReason();
        // Said once at start, so that an operator can see which mode the server runs in.
        log.info(reason == null ? "Production mode off (local issuer, no 'prod' profile): development defaults allowed"
                : "Production mode on (" + reason + "): every production rule holds");
        return safety;
    }
}
