package eu.vetnet.community.notifications;

import eu.vetnet.community.web.CurrentUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A person's notifications, newest first (docs/community.md, "Notifications"). */
@RestController
public class NotificationController {

    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/community/notifications")
    public Mono<List<Notification>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.defer(() -> Mono.fromCompletionStage(notifications.list(CurrentUser.of(jwt).id(), Notifications.LISTED)));
    }
}
