package eu.vetnet.community.discussions;

import eu.vetnet.community.web.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Discussions of communities, for their members (docs/community.md, "Discussions"). */
@RestController
public class DiscussionController {

    private final Discussions discussions;

    public DiscussionController(Discussions discussions) {
        this.discussions = discussions;
    }

    public record NewThread(String title, String body, String language) {
    }

    public record NewReply(String body) {
    }

    public record FlagBody(String replyId, String reason) {
    }

    public record Moderation(Boolean locked, Boolean hidden, String replyId, Boolean replyHidden) {
    }

    @GetMapping("/api/community/communities/{slug}/threads")
    public Mono<List<ThreadSummary>> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @RequestParam(required = false) String language) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.list(slug, CurrentUser.of(jwt), language)));
    }

    @PostMapping("/api/community/communities/{slug}/threads")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ThreadView> open(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @RequestBody NewThread body) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.open(slug, CurrentUser.of(jwt), body.title(), body.body(), body.language())));
    }

    @GetMapping("/api/community/threads/{id}")
    public Mono<ThreadView> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.read(id, CurrentUser.of(jwt))));
    }

    @PostMapping("/api/community/threads/{id}/replies")
    public Mono<ThreadView> reply(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody NewReply body) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.reply(id, CurrentUser.of(jwt), body.body())));
    }

    /** Follow a discussion (told of each reply). */
    @PutMapping("/api/community/threads/{id}/follow")
    public Mono<ThreadView> follow(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.follow(id, CurrentUser.of(jwt), true)));
    }

    /** Stop following it. */
    @DeleteMapping("/api/community/threads/{id}/follow")
    public Mono<ThreadView> unfollow(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.follow(id, CurrentUser.of(jwt), false)));
    }

    @PostMapping("/api/community/threads/{id}/flag")
    public Mono<ThreadView> flag(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody FlagBody body) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.flag(id, CurrentUser.of(jwt), body.replyId(), body.reason())));
    }

    @PutMapping("/api/community/threads/{id}/moderation")
    public Mono<ThreadView> moderate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Moderation body) {
        return Mono.defer(() -> Mono.fromCompletionStage(discussions.moderate(id, CurrentUser.of(jwt), body.locked(), body.hidden(),
                body.replyId(), body.replyHidden())));
    }
}
