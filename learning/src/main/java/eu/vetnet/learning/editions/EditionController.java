package eu.vetnet.learning.editions;

import eu.vetnet.identity.VetnetJwtConverter;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.learning.web.LearningProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Editions, their calendars and enrolment (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning")
public class EditionController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Editions editions;
    private final String publicUrl;
    private final Clock clock;

    public EditionController(Editions editions, LearningProperties properties, Clock clock) {
        this.editions = editions;
        this.publicUrl = properties.getPublicUrl();
        this.clock = clock;
    }

    public record Invitation(String username) {
    }

    public record Consent(Boolean attendance) {
    }

    @PostMapping("/programmes/{programmeId}/editions")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Edition> open(@AuthenticationPrincipal Jwt jwt, @PathVariable String programmeId, @RequestBody EditionInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.open(USERS.convert(jwt), programmeId, in)));
    }

    @GetMapping("/programmes/{programmeId}/editions")
    public Mono<List<Editions.EditionView>> ofProgramme(@AuthenticationPrincipal Jwt jwt, @PathVariable String programmeId) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.ofProgramme(USERS.convert(jwt), programmeId)));
    }

    @GetMapping("/editions/{id}")
    public Mono<Editions.EditionView> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.read(USERS.convert(jwt), id)));
    }

    @PostMapping("/editions/{id}/calendar")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Edition> addToCalendar(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody CalendarItemInput in) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.addToCalendar(USERS.convert(jwt), jwt.getTokenValue(), id, in)));
    }

    /** The facilitator's own token goes on to the room server, which checks that they facilitate the room. */
    @PostMapping("/editions/{id}/calendar/{itemId}/room-access")
    public Mono<LetIn> letIntoRoom(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String itemId) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.letIntoRoom(USERS.convert(jwt), jwt.getTokenValue(), id, itemId)))
                .map(LetIn::new);
    }

    public record LetIn(int added) {
    }

    /** The course a room is a live session of (404 when it is none, or the caller may not read it). */
    @GetMapping("/rooms/{roomId}/course")
    public Mono<Editions.CourseOfRoom> courseOfRoom(@AuthenticationPrincipal Jwt jwt, @PathVariable String roomId) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.courseOf(USERS.convert(jwt), roomId)))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("room " + roomId + " is no live session of a course you can see")));
    }

    @PostMapping("/editions/{id}/invitations")
    public Mono<Edition> invite(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Invitation in) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.invite(USERS.convert(jwt), id, in == null ? null : in.username())));
    }

    @PostMapping("/editions/{id}/enrolment")
    public Mono<Enrolment> enrol(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.enrol(USERS.convert(jwt), id)));
    }

    @PostMapping("/editions/{id}/enrolment/withdrawal")
    public Mono<Enrolment> withdraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.withdraw(USERS.convert(jwt), id)));
    }

    @PutMapping("/editions/{id}/enrolment/consent")
    public Mono<Enrolment> consent(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Consent in) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.consent(USERS.convert(jwt), id, in == null ? null : in.attendance())));
    }

    @PostMapping("/editions/{id}/enrolments/{learnerId}/approval")
    public Mono<Enrolment> approve(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String learnerId) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.approve(USERS.convert(jwt), id, learnerId)));
    }

    @GetMapping("/editions/{id}/enrolments")
    public Mono<List<Enrolment>> roster(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.roster(USERS.convert(jwt), id)));
    }

    /** The person's sessions and deadlines, to import into any calendar (text/calendar). */
    @GetMapping(value = "/me/calendar.ics", produces = "text/calendar")
    public Mono<ResponseEntity<String>> calendar(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.mine(USERS.convert(jwt))))
                .map(mine -> mine.stream().filter(v -> v.mine().status() == Enrolment.Status.ENROLLED).toList())
                .map(enrolled -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vetnet-learning.ics\"")
                        .body(PersonalCalendar.of(enrolled, publicUrl, clock.instant())));
    }

    @GetMapping("/me/editions")
    public Mono<List<Editions.EditionView>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(editions.mine(USERS.convert(jwt))));
    }
}
