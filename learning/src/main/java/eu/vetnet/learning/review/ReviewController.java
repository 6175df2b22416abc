package eu.vetnet.learning.review;

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

/** Peer review rounds (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning/editions/{id}/reviews")
public class ReviewController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Reviews reviews;

    public ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ReviewRound> open(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody ReviewInputs.RoundInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(reviews.open(USERS.convert(jwt), id, in)));
    }

    @GetMapping
    public Mono<List<RoundView>> of(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(reviews.of(USERS.convert(jwt), id)));
    }

    @PutMapping("/{roundId}/submission")
    public Mono<Submission> submit(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String roundId,
            @RequestBody ReviewInputs.SubmissionInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(reviews.submit(USERS.convert(jwt), id, roundId, in)));
    }

    @PostMapping("/{roundId}/phase")
    public Mono<ReviewRound> advance(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String roundId,
            @RequestBody ReviewInputs.PhaseInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(reviews.advance(USERS.convert(jwt), id, roundId, in == null ? null : in.phase())));
    }

    @PutMapping("/{roundId}/assessments/{authorId}")
    public Mono<PeerAssessment> assess(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String roundId,
            @PathVariable String authorId, @RequestBody ReviewInputs.AssessmentInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(reviews.assess(USERS.convert(jwt), id, roundId, authorId, in)));
    }

    @PutMapping("/{roundId}/grades/{authorId}")
    public Mono<Grade> grade(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String roundId,
            @PathVariable String authorId, @RequestBody ReviewInputs.GradeInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(reviews.grade(USERS.convert(jwt), id, roundId, authorId, in == null ? null : in.grade())));
    }
}
