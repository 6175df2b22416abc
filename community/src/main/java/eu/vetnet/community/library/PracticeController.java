package eu.vetnet.community.library;

import eu.vetnet.community.storage.CassandraPractices;
import eu.vetnet.community.web.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The library for signed-in members (docs/community.md, "API"). */
@RestController
@RequestMapping("/api/community/practices")
public class PracticeController {

    private final Library library;
    private final Comments comments;

    public PracticeController(Library library, Comments comments) {
        this.library = library;
        this.comments = comments;
    }

    /** The licence the authors choose when they publish. */
    public record Publication(String licence) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<PracticeView> create(@AuthenticationPrincipal Jwt jwt, @RequestBody PracticeContent content) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.create(CurrentUser.of(jwt), content)));
    }

    @GetMapping("/mine")
    public Mono<List<PracticeView>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.mine(CurrentUser.of(jwt))));
    }

    @GetMapping("/{id}")
    public Mono<PracticeView> read(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.read(CurrentUser.of(jwt), id)));
    }

    @PutMapping("/{id}")
    public Mono<PracticeView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody PracticeContent content) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.update(CurrentUser.of(jwt), id, content)));
    }

    @PostMapping("/{id}/publish")
    public Mono<PracticeView> publish(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Publication body) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.publish(CurrentUser.of(jwt), id, body.licence())));
    }

    @PutMapping("/{id}/endorsement")
    public Mono<PracticeView> endorse(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.endorse(CurrentUser.of(jwt), id, true)));
    }

    @DeleteMapping("/{id}/endorsement")
    public Mono<PracticeView> withdraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.endorse(CurrentUser.of(jwt), id, false)));
    }

    /** A comment's body. */
    public record CommentInput(String body) {
    }

    @GetMapping("/{id}/comments")
    public Mono<List<Comments.CommentView>> comments(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(comments.list(CurrentUser.of(jwt), id)));
    }

    @PostMapping("/{id}/comments")
    public Mono<List<Comments.CommentView>> comment(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestBody(required = false) CommentInput body) {
        return Mono.defer(() -> Mono.fromCompletionStage(comments.add(CurrentUser.of(jwt), id, body == null ? null : body.body())));
    }

    @DeleteMapping("/{id}/comments/{comment}")
    public Mono<List<Comments.CommentView>> deleteComment(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @PathVariable String comment) {
        return Mono.defer(() -> Mono.fromCompletionStage(comments.delete(CurrentUser.of(jwt), id, comment)));
    }

    @GetMapping("/{id}/versions")
    public Mono<List<Map<String, Object>>> versions(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(library.versions(CurrentUser.of(jwt), id)))
                .map(list -> list.stream().map(PracticeController::version).toList());
    }

    private static Map<String, Object> version(CassandraPractices.Version v) {
        return Map.of("version", v.version(), "savedBy", v.savedBy(), "savedAt", v.savedAt(),
                "practice", PracticeView.of(v.practice(), false, false));
    }
}
