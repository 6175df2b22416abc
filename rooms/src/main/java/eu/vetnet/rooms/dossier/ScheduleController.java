package eu.vetnet.rooms.dossier;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.history.AtParameter;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A room's scheduled session (docs/rooms.md, "Session dossier"): {@code PUT /api/rooms/{id}/schedule} by a
 * facilitator (the learning server does it for a live session it makes), read by anyone on the list. Once it is
 * over and the room empty, the server assembles the session's dossier by itself ({@link AutomaticDossiers}).
 */
@RestController
public class ScheduleController {

    /** The longest session: a schedule is one session, not a course. */
    static final Duration LONGEST = Duration.ofDays(7);

    public record Times(String startsAt, String endsAt) {
    }

    private final RoomStore rooms;
    private final ObjectProvider<Schedules> schedules;

    public ScheduleController(RoomStore rooms, ObjectProvider<Schedules> schedules) {
        this.rooms = rooms;
        this.schedules = schedules;
    }

    @PutMapping("/api/rooms/{id}/schedule")
    public Mono<Schedules.Schedule> put(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody Times body) {
        RoomUser user = JwtUsers.toUser(jwt);
        Instant starts = body == null ? null : AtParameter.optional(body.startsAt());
        Instant ends = body == null ? null : AtParameter.optional(body.endsAt());
        if (starts == null || ends == null || !ends.isAfter(starts) || Duration.between(starts, ends).compareTo(LONGEST) > 0) {
            throw ApiException.badRequest("a session needs a start and a later end, at most " + LONGEST.toDays() + " days apart",
                    "{\"startsAt\": \"2026-05-04T09:00:00Z\", \"endsAt\": \"2026-05-04T12:30:00Z\"}");
        }
        Schedules store = store();
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            Schedules.Schedule schedule = new Schedules.Schedule(room.id(), starts, ends);
            return Mono.fromCompletionStage(() -> store.put(schedule)).thenReturn(schedule);
        });
    }

    @GetMapping("/api/rooms/{id}/schedule")
    public Mono<Schedules.Schedule> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Schedules store = store();
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt)).flatMap(room -> Mono.fromCompletionStage(() -> store.of(room.id())))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("room " + id + " has no scheduled session", "a facilitator can set one")));
    }

    private Schedules store() {
        return AtParameter.kept(schedules, "it keeps no schedules");
    }
}
