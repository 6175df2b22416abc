package eu.vetnet.rooms.privatenotes;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Whether a room's facilitators read everyone's private notes before the reveal (docs/dialogue.md, "Private
 * ideation"): {@code PUT /api/rooms/{id}/private-notes} {@code {"facilitatorsSee": bool}} (the facilitator's choice,
 * stored with the room and shown to everyone; turning it off closes facilitators' open views at once), and {@code GET}
 * the private boards a facilitator may then open, read-only. Logged.
 */
@RestController
public class PrivateNotesController {

    private static final Logger log = LoggerFactory.getLogger(PrivateNotesController.class);

    public record Visibility(Boolean facilitatorsSee) {
    }

    /** A person's private board, as a facilitator may open it. */
    public record PrivateBoard(String userId, String name, String document) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final RoomPeople people;

    public PrivateNotesController(RoomStore rooms, RoomServer server, RoomPeople people) {
        this.rooms = rooms;
        this.server = server;
        this.people = people;
    }

    @PutMapping("/api/rooms/{id}/private-notes")
    public Mono<RoomRecord> visibility(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody(required = false) Visibility body) {
        RoomUser user = JwtUsers.toUser(jwt);
        if (body == null || body.facilitatorsSee() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "say whether facilitators see private notes", "send {\"facilitatorsSee\": true} or false");
        }
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitatorChange(room, user, "its private notes");
            return AccessChanges.save(rooms, server, room.withFacilitatorsSeePrivateNotes(body.facilitatorsSee()))
                    .flatMap(saved -> tellTheRoom(saved).thenReturn(saved));
        }).doOnNext(r -> log.info("{} set facilitators-see-private-notes to {} in room {}", user.id(), r.facilitatorsSeePrivateNotes(), id));
    }

    /**
     * Everyone in the room learns it at once, and whoever comes later reads it in the same place: the server mirrors
     * the choice into the workshop document ({@code workshop/facilitatorsSeePrivateNotes}, display only: the room record
     * is the rule the access hook reads), loading the room for it when nobody is in it.
     */
    private Mono<Void> tellTheRoom(RoomRecord room) {
        return Mono.fromCompletionStage(() -> server.hold(room.id(), open -> open.serverEdit(List.of(RoomKind.VOICE_DOCUMENT), docs -> {
            docs.get(RoomKind.VOICE_DOCUMENT).getMap("workshop").set(MIRROR, room.facilitatorsSeePrivateNotes());
            return Boolean.TRUE;
        }))).then();
    }

    static final String MIRROR = "facilitatorsSeePrivateNotes";

    @GetMapping("/api/rooms/{id}/private-notes")
    public Mono<List<PrivateBoard>> boards(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitator(room, user);
            if (!room.facilitatorsSeePrivateNotes()) {
                throw new ApiException(HttpStatus.CONFLICT, "private notes in room " + id + " are their writers' alone",
                        "let facilitators see them first (PUT /api/rooms/" + id + "/private-notes)");
            }
            return Mono.fromCompletionStage(() -> people.list(room.id())).map(list -> list.stream()
                    .filter(p -> !p.id().equals(user.id()))
                    .map(p -> new PrivateBoard(p.id(), p.name(), PrivateNotes.documentOf(p.id()))).toList());
        });
    }
}
