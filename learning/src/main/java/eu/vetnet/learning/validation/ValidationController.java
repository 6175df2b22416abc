package eu.vetnet.learning.validation;

import eu.vetnet.identity.VetnetJwtConverter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Validating informal learning, step by step (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning/editions/{id}/evidence")
public class ValidationController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Validation validation;

    public ValidationController(Validation validation) {
        this.validation = validation;
    }

    public record Documentation(String description, String link) {
    }

    public record Assessment(Boolean validated, String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Evidence> identify(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody EvidenceInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(validation.identify(USERS.convert(jwt), id, in)));
    }

    @GetMapping
    public Mono<List<Evidence>> of(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(validation.of(USERS.convert(jwt), id)));
    }

    @PutMapping("/{evidenceId}/documentation")
    public Mono<Evidence> document(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String evidenceId,
            @RequestBody Documentation in) {
        return Mono.defer(() -> Mono.fromCompletionStage(validation.document(USERS.convert(jwt), id, evidenceId,
                in == null ? null : in.description(), in == null ? null : in.link())));
    }

    @PostMapping("/{evidenceId}/assessment")
    public Mono<Evidence> assess(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String evidenceId,
            @RequestBody Assessment in) {
        return Mono.defer(() -> Mono.fromCompletionStage(validation.assess(USERS.convert(jwt), id, evidenceId,
                in == null ? null : in.validated(), in == null ? null : in.note())));
    }

    @PostMapping("/{evidenceId}/certification")
    public Mono<Evidence> certify(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String evidenceId) {
        return Mono.defer(() -> Mono.fromCompletionStage(validation.certify(USERS.convert(jwt), id, evidenceId)));
    }
}
