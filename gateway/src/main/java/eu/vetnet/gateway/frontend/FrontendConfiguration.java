package eu.vetnet.gateway.frontend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/** Serving the built browser app (static resources: the jar's copy or VETNET_FRONTEND_LOCATION). */
@Configuration(proxyBeanMethods = false)
public class FrontendConfiguration {

    /** After security (default order): the security chain sees the path the browser asked for. */
    @Bean
    WebFilter appRoutesWebFilter() {
        return new AppRoutesWebFilter();
    }
}
