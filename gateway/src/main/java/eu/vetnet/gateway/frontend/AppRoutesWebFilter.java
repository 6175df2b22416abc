package eu.vetnet.gateway.frontend;

import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browser app routes {@code /rooms/{id}} (and its {@code /history}), {@code /admin}, {@code /track/{id}}, what rooms published ({@code /published/...}), the library's {@code /library/...},
 * peer counselling's {@code /counselling[/{id}]}, {@code /people}, {@code /organisations[/{id}]}, {@code /profile},
 * {@code /notifications}, the
 * communities' {@code /communities[/{slug}[/threads/{id}]]}, learning's {@code /learning[/programmes/{id}|/editions/{id}]}
 * and the public {@code /verify} itself (history API). Opening such a URL directly (a room's shared
 * link, a reload, the return after signing in) asks the gateway for that path, where no file exists: without this
 * the answer is 404 instead of the app. Page requests for an app route are served {@code /index.html}; the API and
 * the sockets ({@code /api/**}, {@code /ws/**}) are other paths and are never touched.
 */
final class AppRoutesWebFilter implements WebFilter {

    /**
     * The app's routes besides {@code /} (frontend/src/app/App.tsx): one room, the admin area, a public tracking page,
     * the library (search, mine, new, a practice and its editor; frontend/src/library/libraryRoute.ts), peer
     * counselling (my cases, a case), the directory and one's profile (frontend/src/community/). A published
     * practice's public page, {@code /practices/{slug}}, is the community server's, not the app's.
     */
    static final Pattern APP_ROUTE = Pattern.compile(
            "^(/rooms/[^/]+(/history)?|/admin|/track/[^/]+|/library(/mine|/new|/practices/[^/]+(/edit)?)?|/counselling(/[^/]+)?|/people|/profile|/notifications|/organisations(/[^/]+)?|/communities(/[^/]+(/threads/[^/]+)?)?|/learning(/programmes/[^/]+|/editions/[^/]+)?|/verify|/published(/[^/]+)?)/?$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && APP_ROUTE.matcher(request.getPath().value()).matches()) {
            return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        return chain.filter(exchange);
    }
}
