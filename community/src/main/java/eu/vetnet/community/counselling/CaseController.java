package eu.vetnet.community.counselling;

import eu.vetnet.community.library.PracticeView;
import eu.vetnet.community.people.People;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.web.CommunityProperties;
import eu.vetnet.community.web.CurrentUser;
import eu.vetnet.identity.VetnetUser;
import java.time.Clock;
import java.time.Instant;
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

/** Peer counselling for signed-in members (docs/community.md, "Peer counselling"). */
@RestController
@RequestMapping("/api/community/cases")
public class CaseController {

    private final Counselling counselling;
    private final People people;
    private final String publicUrl;
    private final Clock clock;

    public CaseController(Counselling counselling, People people, CommunityProperties properties, Clock clock) {
        this.counselling = counselling;
        this.people = people;
        this.publicUrl = properties.getPublicUrl();
        this.clock = clock;
    }

    public record Invite(List<String> peers, Instant start, Integer minutes, String message) {
    }

    public record AnswerBody(CounsellingCase.Answer answer) {
    }

    public record RoomBody(String roomId) {
    }

    public record OutcomeBody(String advice, String nextSteps) {
    }

    public record PracticeBody(String organisationType) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<CaseView> create(@AuthenticationPrincipal Jwt jwt, @RequestBody CaseInput input) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.create(user, input))).map(c -> CaseView.of(c, user.id()));
    }

    @GetMapping("/mine")
    public Mono<List<CaseView>> mine(@AuthenticationPrincipal Jwt jwt) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.mine(user))).map(list -> list.stream().map(c -> CaseView.of(c, user.id())).toList());
    }

    @GetMapping("/{id}")
    public Mono<CaseView> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.read(user, id))).map(c -> CaseView.of(c, user.id()));
    }

    @GetMapping("/{id}/suggestions")
    public Mono<List<PeerMatching.Suggestion>> suggestions(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.suggestions(CurrentUser.of(jwt), id)));
    }

    @PostMapping("/{id}/invitations")
    public Mono<CaseView> invite(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Invite body) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.invite(user, id, body.peers(), body.start(), body.minutes(), body.message())))
                .map(c -> CaseView.of(c, user.id()));
    }

    @PostMapping("/{id}/answer")
    public Mono<CaseView> answer(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody AnswerBody body) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.answer(user, id, body.answer()))).map(c -> CaseView.of(c, user.id()));
    }

    @PutMapping("/{id}/room")
    public Mono<CaseView> room(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody RoomBody body) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.room(user, id, body.roomId()))).map(c -> CaseView.of(c, user.id()));
    }

    @PutMapping("/{id}/outcome")
    public Mono<CaseView> outcome(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody OutcomeBody body) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.outcome(user, id, body.advice(), body.nextSteps())))
                .map(c -> CaseView.of(c, user.id()));
    }

    @PostMapping("/{id}/practice")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<PracticeView> practice(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestBody(required = false) PracticeBody body) {
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.toPractice(CurrentUser.of(jwt), id, body == null ? null : body.organisationType())));
    }

    /** The meeting as an iCalendar file, for the member and the invited peers ("Add to calendar"). */
    @GetMapping(value = "/{id}/calendar.ics")
    public Mono<ResponseEntity<String>> calendar(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(counselling.read(user, id))).map(c -> {
            if (c.meeting() == null) {
                throw new eu.vetnet.identity.api.ApiException(HttpStatus.NOT_FOUND, "case " + id + " has no meeting yet", "invite peers to a meeting first");
            }
            String organizer = people.directory().get(c.author().id()).map(Profile::email).orElse(null);
            String ics = MeetingInvitation.of(c, publicUrl + "/counselling/" + c.id(), organizer, List.of(), clock.instant());
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"peer-counselling.ics\"").body(ics);
        });
    }
}
