package eu.vetnet.rooms.attendance;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.identity.api.Csv;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.export.ExportController;
import eu.vetnet.rooms.history.AtParameter;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A room's attendance, only as consented (docs/rooms.md, "Attendance"): each person on the room's list says whether
 * their attendance (when they joined and left each session) may be listed ({@code GET/PUT .../attendance/consent});
 * the export {@code .../export/attendance.{csv|json}} and the session dossier list those who agreed, nobody else.
 */
@RestController
public class AttendanceController {

    private static final Logger log = LoggerFactory.getLogger(AttendanceController.class);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public record Consent(Boolean consented) {
    }

    private final RoomStore rooms;
    private final ObjectProvider<AttendanceConsents> consents;
    private final AttendanceReader attendance;

    public AttendanceController(RoomStore rooms, ObjectProvider<AttendanceConsents> consents, AttendanceReader attendance) {
        this.rooms = rooms;
        this.consents = consents;
        this.attendance = attendance;
    }

    @GetMapping("/api/rooms/{id}/attendance/consent")
    public Mono<Consent> mine(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        AttendanceConsents store = consents();
        return RoomReads.onAccessList(rooms, id, user).flatMap(room -> Mono.fromCompletionStage(() -> store.ofRoom(room.id())))
                .map(all -> new Consent(all.containsKey(user.id())));
    }

    @PutMapping("/api/rooms/{id}/attendance/consent")
    public Mono<Consent> decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Consent body) {
        RoomUser user = JwtUsers.toUser(jwt);
        if (body == null || body.consented() == null) {
            throw ApiException.badRequest("say whether your attendance may be listed", "{\"consented\": true} or {\"consented\": false}");
        }
        AttendanceConsents store = consents();
        return RoomReads.onAccessList(rooms, id, user)
                .flatMap(room -> Mono.fromCompletionStage(() -> store.set(room.id(), user.id(), body.consented(), Instant.now())))
                .doOnSuccess(v -> log.info("{} {} the listing of their attendance in room {}", user.id(), body.consented() ? "agreed to" : "withdrew", id))
                .thenReturn(new Consent(body.consented()));
    }

    @GetMapping("/api/rooms/{id}/export/attendance.{format:csv|json}")
    public Mono<ResponseEntity<Object>> export(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String format) {
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> attendance.table(room).map(table -> {
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"" + ExportController.slug(room.title()) + "-attendance." + format + "\"");
            return format.equals("csv") ? ok.contentType(CSV).body((Object) Csv.of(table.columns(), table.rows()))
                    : ok.contentType(MediaType.APPLICATION_JSON).body((Object) ExportController.asJson(room.id(), "attendance", table));
        }));
    }

    private AttendanceConsents consents() {
        return AtParameter.kept(consents, "it lists no attendance");
    }
}
