package eu.vetnet.rooms.people;

import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/rooms/{id}/people}: the room's names directory, for anyone on its access list. */
@RestController
public class PeopleController {

    private final RoomStore rooms;
    private final RoomPeople people;

    public PeopleController(RoomStore rooms, RoomPeople people) {
        this.rooms = rooms;
        this.people = people;
    }

    @GetMapping("/api/rooms/{id}/people")
    public Mono<List<RoomPeople.Person>> people(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return RoomReads.onAccessList(rooms, id, JwtUsers.toUser(jwt))
                .flatMap(room -> Mono.fromCompletionStage(() -> people.list(room.id())));
    }
}
