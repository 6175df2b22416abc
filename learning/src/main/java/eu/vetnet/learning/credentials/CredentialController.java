package eu.vetnet.learning.credentials;

import eu.vetnet.identity.Role;
import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.api.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Issuing, holding and revoking credentials, and rotating issuers' keys (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning")
public class CredentialController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Credentials credentials;
    private final IssuerKeys keys;

    public CredentialController(Credentials credentials, IssuerKeys keys) {
        this.credentials = credentials;
        this.keys = keys;
    }

    /** @param achievement a module id, or "programme" */
    public record Issue(String achievement) {
    }

    public record Revocation(String reason) {
    }

    /** A key as its issuer's admins see it: never its private part. */
    public record KeyView(String kid, String created, String retired) {
    }

    @PostMapping("/editions/{id}/credentials/{learnerId}")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<IssuedCredential> issue(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String learnerId,
            @RequestBody Issue in) {
        return Mono.defer(() -> Mono.fromCompletionStage(credentials.issue(USERS.convert(jwt), id, learnerId, in == null ? null : in.achievement())));
    }

    @PostMapping("/credentials/{id}/revocation")
    public Mono<IssuedCredential> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Revocation in) {
        return Mono.defer(() -> Mono.fromCompletionStage(credentials.revoke(USERS.convert(jwt), id, in == null ? null : in.reason())));
    }

    @GetMapping("/me/credentials")
    public Mono<List<IssuedCredential>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(credentials.mine(USERS.convert(jwt))));
    }

    @PostMapping("/issuers/{slug}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<KeyView> rotate(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug) {
        return Mono.defer(() -> {
            if (!USERS.convert(jwt).hasRole(Role.ADMIN)) {
                throw ApiException.forbidden("only admins rotate an issuer's keys", "ask an admin");
            }
            if (!Issuers.plausible(slug)) {
                throw ApiException.notFound("no issuer " + slug);
            }
            return Mono.fromCompletionStage(keys.rotate(slug)).map(k -> new KeyView(k.kid(), k.created().toString(), null));
        });
    }
}
