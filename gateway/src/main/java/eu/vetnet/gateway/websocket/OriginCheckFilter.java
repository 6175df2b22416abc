package eu.vetnet.gateway.websocket;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 403 and before anything else runs, a request to {@code /ws/**} whose Origin is missing,
 * {@code null} or not in the allowlist. The session cookie rides on every request a browser makes, so without
 * this any site could open a room socket as the signed-in user (OWASP ASVS 5.0 V4.4, docs/reliability.md, rule 6).
 * Unlike the room server, which lets Origin-less clients through with their own token, the gateway authenticates
 * sockets by cookie alone, so a missing Origin is refused too.
 */
public final class OriginCheckFilter implements WebFilter, Ordered {

    private final List<String> allowedOrigins;

    public OriginCheckFilter(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/ws/")) {
            return chain.filter(exchange);
        }
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin != null && allowedOrigins.contains(origin)) {
            return chain.filter(exchange);
        }
        String reason = origin == null ? "no Origin header" : "Origin '" + origin + "' is not allowed";
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(
                (reason + ": room sockets open only from " + allowedOrigins + " (vetnet.gateway.websocket.allowed-origins)\n")
                        .getBytes(StandardCharsets.UTF_8))));
    }

    /** Before Spring Security (-100): a refused Origin never touches the session. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
