package eu.vetnet.rooms.followup;

import eu.vetnet.rooms.auth.JwtUsers;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/notifications}: what the signed-in person was told, newest first (docs/dialogue.md, "Follow-up"). */
@RestController
public class NotificationController {

    private final Inbox inbox;

    public NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/notifications")
    public Mono<List<Inbox.Notification>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.fromCompletionStage(() -> inbox.of(JwtUsers.toUser(jwt).id()));
    }
}
