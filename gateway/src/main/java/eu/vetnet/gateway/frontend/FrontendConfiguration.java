package eu.vetnet.gateway.frontend;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.WebFilter;

/** Serving the built browser app (static resources: the jar's copy or VETNET_FRONTEND_LOCATION), and our error pages. */
@Configuration(proxyBeanMethods = false)
public class FrontendConfiguration {

    /** After security (default order): the security chain sees the path the browser asked for. */
    @Bean
    WebFilter appRoutesWebFilter() {
        return new AppRoutesWebFilter();
    }

    /**
     * Our error pages for browsers; Boot's own handler steps back when this bean exists (docs/frontend.md, "Error
     * pages"). At Boot's own place (-1): after the handlers that answer particular errors themselves, such as the
     * 401 of a sign-in that ended (SignInEndedHandler, -2).
     */
    @Bean
    @Order(-1)
    ErrorWebExceptionHandler brandedErrorPages(ErrorAttributes errorAttributes, WebProperties web, ApplicationContext context,
            ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers) {
        BrandedErrorPages handler = new BrandedErrorPages(errorAttributes, web, context);
        handler.setMessageWriters(codecs.getWriters());
        handler.setMessageReaders(codecs.getReaders());
        handler.setViewResolvers(viewResolvers.orderedStream().toList());
        return handler;
    }
}
