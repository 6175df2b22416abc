package eu.vetnet.learning.records;

import eu.vetnet.identity.VetnetJwtConverter;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Results and transcripts (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning")
public class ResultController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Results results;
    private final Clock clock;

    public ResultController(Results results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    @PutMapping("/editions/{id}/results/{learnerId}/{moduleId}")
    public Mono<Result> record(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String learnerId,
            @PathVariable String moduleId, @RequestBody ResultInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(results.record(USERS.convert(jwt), id, learnerId, moduleId, in)));
    }

    /** The same record as a PDF to keep or send (in the spirit of a Diploma Supplement). */
    @GetMapping(value = "/me/transcript.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public Mono<ResponseEntity<byte[]>> minePdf(@AuthenticationPrincipal Jwt jwt) {
        // Writing the PDF is CPU work of many milliseconds: off the event loop.
        return Mono.defer(() -> Mono.fromCompletionStage(results.mine(USERS.convert(jwt))))
                .publishOn(Schedulers.boundedElastic())
                .map(t -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vetnet-record.pdf\"")
                        .body(TranscriptPdf.of(t, clock.instant())));
    }

    @GetMapping("/me/transcript")
    public Mono<Transcript> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(results.mine(USERS.convert(jwt))));
    }
}
