package eu.vetnet.learning.programmes;

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

/** Programmes and their modules (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning/programmes")
public class ProgrammeController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Programmes programmes;

    public ProgrammeController(Programmes programmes) {
        this.programmes = programmes;
    }

    @GetMapping
    public Mono<List<Programme>> list(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(programmes.list(USERS.convert(jwt))));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Programme> create(@AuthenticationPrincipal Jwt jwt, @RequestBody ProgrammeInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(programmes.create(USERS.convert(jwt), in, false)));
    }

    @GetMapping("/{id}")
    public Mono<Programme> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(programmes.read(USERS.convert(jwt), id)));
    }

    @PostMapping("/{id}/modules")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Programme> addModule(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody ModuleInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(programmes.addModule(USERS.convert(jwt), id, in)));
    }

    @PutMapping("/{id}/modules/{moduleId}")
    public Mono<Programme> updateModule(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String moduleId,
            @RequestBody ModuleInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(programmes.updateModule(USERS.convert(jwt), id, moduleId, in)));
    }

    @PostMapping("/{id}/publish")
    public Mono<Programme> publish(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(programmes.publish(USERS.convert(jwt), id)));
    }
}
