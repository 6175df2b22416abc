package eu.vetnet.community.communities;

import eu.vetnet.community.people.People;
import eu.vetnet.community.storage.CassandraCommunities;
import eu.vetnet.community.web.CurrentUser;
import eu.vetnet.identity.VetnetUser;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Communities for signed-in members (docs/community.md, "Communities"). */
@RestController
@RequestMapping("/api/community/communities")
public class CommunityController {

    private final Communities communities;
    private final People people;

    public CommunityController(Communities communities, People people) {
        this.communities = communities;
        this.people = people;
    }

    public record JoinBody(String message) {
    }

    public record AnswerBody(Boolean accept) {
    }

    public record SessionBody(String roomId, String title, Instant start) {
    }

    public record PracticeBody(String practiceId) {
    }

    @GetMapping
    public Mono<List<CommunityViews.Card>> list(@AuthenticationPrincipal Jwt jwt) {
        VetnetUser user = CurrentUser.of(jwt);
        return Mono.defer(() -> Mono.fromCompletionStage(communities.rolesOf(user))).map(roles -> communities.all().stream()
                .map(c -> CommunityViews.Card.of(c, roles.get(c.id()) == null ? null
                        : roles.get(c.id()) == Community.Role.MODERATOR ? CommunityViews.MyRole.MODERATOR : CommunityViews.MyRole.MEMBER))
                .toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<CommunityViews.Card> create(@AuthenticationPrincipal Jwt jwt, @RequestBody CommunityInput body) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.create(CurrentUser.of(jwt), body)))
                .map(c -> CommunityViews.Card.of(c, CommunityViews.MyRole.MODERATOR));
    }

    @GetMapping("/{slug}")
    public Mono<CommunityViews.Home> home(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.home(slug, CurrentUser.of(jwt))));
    }

    @PostMapping("/{slug}/join")
    public Mono<CommunityViews.Home> join(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @RequestBody(required = false) JoinBody body) {
        VetnetUser user = CurrentUser.of(jwt);
        // A member is known to the directory (not listed until they choose): others can mention them by username.
        return Mono.defer(() -> Mono.fromCompletionStage(people.me(user)
                .thenCompose(p -> communities.join(slug, user, body == null ? null : body.message()))));
    }

    @DeleteMapping("/{slug}/membership")
    public Mono<CommunityViews.Home> leave(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.leave(slug, CurrentUser.of(jwt))));
    }

    @GetMapping("/{slug}/requests")
    public Mono<List<CassandraCommunities.Request>> requests(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.requests(slug, CurrentUser.of(jwt))));
    }

    @PostMapping("/{slug}/requests/{userId}")
    public Mono<CommunityViews.Home> answer(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @PathVariable String userId,
            @RequestBody AnswerBody body) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.answer(slug, CurrentUser.of(jwt), userId, Boolean.TRUE.equals(body.accept()))));
    }

    @PostMapping("/{slug}/sessions")
    public Mono<CommunityViews.Home> session(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @RequestBody SessionBody body) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.linkSession(slug, CurrentUser.of(jwt), body.roomId(), body.title(), body.start())));
    }

    @PostMapping("/{slug}/practices")
    public Mono<CommunityViews.Home> practice(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @RequestBody PracticeBody body) {
        return Mono.defer(() -> Mono.fromCompletionStage(communities.linkPractice(slug, CurrentUser.of(jwt), body.practiceId())));
    }
}
