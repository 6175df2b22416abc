package eu.vetnet.rooms.followup;

import eu.vetnet.identity.api.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public tracking page's data (docs/dialogue.md, "Follow-up"), without signing in: a published proposal, the
 * statements and votes behind it, and every answer, with the names of the room and of the policymaker who answers,
 * never of the participants (no user ids at all).
 */
@RestController
public class PublicTrackingController {

    /** What anyone may read of a published proposal. */
    public record Tracked(String id, String title, String text, String roomTitle, String addresseeName, Proposal.Status status,
            List<Proposal.Evidence> evidence, List<PublicAnswer> answers, Instant createdAt) {
    }

    public record PublicAnswer(Proposal.Status status, String text, String actions, String byName, Instant at) {
    }

    private final ProposalStore proposals;

    public PublicTrackingController(ProposalStore proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/api/public/proposals/{pid}")
    public Mono<Tracked> tracked(@PathVariable String pid) {
        return Mono.fromCompletionStage(() -> proposals.find(pid))
                .filter(Proposal::published)
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "no published proposal " + pid,
                        "a proposal is shown here once the community publishes it")))
                .map(p -> new Tracked(p.id(), p.title(), p.text(), p.roomTitle(), p.addresseeName(), p.status(), p.evidence(),
                        p.answers().stream().map(a -> new PublicAnswer(a.status(), a.text(), a.actions(), a.byName(), a.at())).toList(),
                        p.createdAt()));
    }
}
