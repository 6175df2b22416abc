package eu.vetnet.learning.reports;

import eu.vetnet.identity.VetnetJwtConverter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The facilitator's view of an edition, as JSON and as CSV (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning/editions/{id}")
public class ReportController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Reports reports;

    public ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/progress")
    public Mono<Progress> progress(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(reports.progress(USERS.convert(jwt), id)));
    }

    @GetMapping(value = "/progress.csv", produces = "text/csv")
    public Mono<ResponseEntity<String>> csv(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(reports.csv(USERS.convert(jwt), id)))
                .map(csv -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"edition-progress.csv\"").body(csv));
    }
}
