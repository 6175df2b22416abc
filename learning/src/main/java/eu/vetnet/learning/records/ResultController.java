package eu.vetnet.learning.records;

import eu.vetnet.identity.VetnetJwtConverter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Results and transcripts (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning")
public class ResultController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Results results;

    public ResultController(Results results) {
        this.results = results;
    }

    @PutMapping("/editions/{id}/results/{learnerId}/{moduleId}")
    public Mono<Result> record(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String learnerId,
            @PathVariable String moduleId, @RequestBody ResultInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(results.record(USERS.convert(jwt), id, learnerId, moduleId, in)));
    }

    @GetMapping("/me/transcript")
    public Mono<Transcript> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(results.mine(USERS.convert(jwt))));
    }
}
