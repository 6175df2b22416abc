package eu.vetnet.learning.attendance;

import eu.vetnet.identity.VetnetJwtConverter;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Attendance (docs/learning.md, "API"). */
@RestController
@RequestMapping("/api/learning/editions/{id}")
public class AttendanceController {

    private static final VetnetJwtConverter USERS = new VetnetJwtConverter();
    private final Attendance attendance;

    public AttendanceController(Attendance attendance) {
        this.attendance = attendance;
    }

    public record CheckIn(Boolean present) {
    }

    /** The facilitator's own token goes on to the room server, which decides whether they may read the room's history. */
    @PostMapping("/calendar/{itemId}/attendance")
    public Mono<Attendance.Taken> fromRoom(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String itemId) {
        return Mono.defer(() -> Mono.fromCompletionStage(attendance.fromRoom(USERS.convert(jwt), jwt.getTokenValue(), id, itemId)));
    }

    @PutMapping("/calendar/{itemId}/attendance/{learnerId}")
    public Mono<AttendanceRecord> checkIn(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String itemId,
            @PathVariable String learnerId, @RequestBody CheckIn in) {
        return Mono.defer(() -> Mono.fromCompletionStage(attendance.checkIn(USERS.convert(jwt), id, itemId, learnerId, in == null ? null : in.present())));
    }

    @GetMapping("/attendance")
    public Mono<List<AttendanceRecord>> of(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return Mono.defer(() -> Mono.fromCompletionStage(attendance.of(USERS.convert(jwt), id)));
    }
}
