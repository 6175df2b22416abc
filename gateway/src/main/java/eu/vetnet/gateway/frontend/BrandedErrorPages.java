package eu.vetnet.gateway.frontend;

import eu.vetnet.identity.pages.BrandedPages;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The gateway's errors as a browser sees them: our page (identity's {@link BrandedPages}, the same as the sign-in
 * server's), in the browser's language, instead of Spring's white label. Everyone else (the app's fetch calls, API
 * clients asking for JSON) keeps Spring's JSON error body, unchanged.
 */
class BrandedErrorPages extends DefaultErrorWebExceptionHandler {

    BrandedErrorPages(ErrorAttributes errorAttributes, WebProperties web, ApplicationContext context) {
        super(errorAttributes, web.getResources(), web.getError(), context);
    }

    @Override
    protected Mono<ServerResponse> renderErrorView(ServerRequest request) {
        Map<String, Object> error = getErrorAttributes(request, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.STATUS));
        int status = getHttpStatus(error);
        return ServerResponse.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .bodyValue(BrandedPages.errorPage(status, request.headers().acceptLanguage().stream()
                        .map(range -> java.util.Locale.forLanguageTag(range.getRange())).toList()));
    }
}
