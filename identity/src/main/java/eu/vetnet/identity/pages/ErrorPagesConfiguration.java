package eu.vetnet.identity.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The identity server's error pages for browsers are ours ({@link BrandedPages#errorPage}), never Spring's white
 * label; API callers asking for JSON still get Spring's JSON error body.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorPagesConfiguration {

    @Bean
    ErrorViewResolver brandedErrorPages() {
        return (HttpServletRequest request, org.springframework.http.HttpStatus status, java.util.Map<String, Object> model) -> {
            String html = BrandedPages.errorPage(status.value(), Collections.list(request.getLocales()));
            View view = new View() {
                @Override
                public String getContentType() {
                    return "text/html;charset=UTF-8";
                }

                @Override
                public void render(java.util.Map<String, ?> m, HttpServletRequest req, jakarta.servlet.http.HttpServletResponse response)
                        throws java.io.IOException {
                    response.setContentType(getContentType());
                    response.setHeader("Cache-Control", "no-store");
                    response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
                }
            };
            ModelAndView page = new ModelAndView(view);
            page.setStatus(status);
            return page;
        };
    }
}
