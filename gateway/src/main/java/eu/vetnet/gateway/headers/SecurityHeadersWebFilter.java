package eu.vetnet.gateway.headers;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the security headers on every response, whoever writes it: the built app's pages and assets, the error
 * pages, Spring Security's refusals and the Origin check's 403 (this filter runs before all of them). A header the
 * response already has (one a room server sent on a proxied API answer) is left as it is.
 */
final class SecurityHeadersWebFilter implements WebFilter, Ordered {

    private final Map<String, String> headers;

    SecurityHeadersWebFilter(String contentSecurityPolicy, String referrerPolicy) {
        this.headers = Map.of(
                "Content-Security-Policy", contentSecurityPolicy,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", referrerPolicy);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // At commit time, not now: the error handler may replace the response's headers after this filter ran.
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders response = exchange.getResponse().getHeaders();
            headers.forEach((name, value) -> {
                if (!response.containsHeader(name)) {
                    response.set(name, value);
                }
            });
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
