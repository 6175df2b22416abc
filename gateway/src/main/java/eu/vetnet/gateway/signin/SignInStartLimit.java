package eu.vetnet.gateway.signin;

import eu.vetnet.gateway.ratelimit.UserRateLimiter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client address on sign-in starts, before Spring Security creates a session for one: a flood
 * from one address gets 429 and creates nothing, while everyone else signs in as usual. The address is the
 * connection's peer; behind a load balancer set {@code server.forward-headers-strategy} so it is the browser's
 * (docs/gateway.md, "Sign-in starts").
 */
final class SignInStartLimit implements WebFilter, Ordered {

    static final String PATH = "/oauth2/authorization/";

    private final UserRateLimiter buckets;
    private final int retryAfterSeconds;

    SignInStartLimit(UserRateLimiter buckets, SignInStartProperties properties) {
        this.buckets = buckets;
        this.retryAfterSeconds = (int) Math.max(1, Math.ceil(60 / properties.getStartsPerMinute()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(PATH)) {
            return chain.filter(exchange);
        }
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        String address = peer == null ? "unknown" : peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
        return buckets.isAllowed("sign-in", "sign-in:" + address).flatMap(answer -> {
            if (answer.isAllowed()) {
                return chain.filter(exchange);
            }
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
            response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
            byte[] body = ("too many sign-ins started from your address: wait " + retryAfterSeconds
                    + " s and try again\n").getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        });
    }

    /** Before Spring Security (-100), which would create the session. */
    @Override
    public int getOrder() {
        return -200;
    }
}
