package eu.vetnet.gateway.signin;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetUser;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/me}: the signed-in user as every VET-NET service sees it, read from the session's access token
 * (refreshed when due) by identity's converter: the same for Keycloak and the built-in issuer.
 */
@RestController
class MeController {

    private final SignedInUsers users;

    MeController(SignedInUsers users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    Mono<Me> me(Authentication authentication, ServerWebExchange exchange) {
        return users.of(authentication, exchange).map(Me::of);
    }

    /** The answer: the user, and the role names as the tokens write them. */
    record Me(String id, String username, String displayName, String email, String organisation, String preferredLanguage,
            List<Role> roles) {

        static Me of(VetnetUser user) {
            return new Me(user.id(), user.username(), user.displayName(), user.email(), user.organisation(),
                    user.preferredLanguage(), user.roles().stream().sorted().toList());
        }
    }
}
