package eu.vetnet.rooms.privatenotes;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.people.RoomPeople;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.OpenRooms;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/rooms/{id}/reveal} {@code {"anonymous": false}}: a facilitator reveals everyone's private notes onto
 * the board (docs/dialogue.md, "Private ideation"). The room must be open on this server (the gateway routes the
 * request to its owner). Logged: who revealed, how many notes, whether anonymously.
 */
@RestController
public class RevealController {

    private static final Logger log = LoggerFactory.getLogger(RevealController.class);
    public static final String BOARD = "board";

    /** What the facilitator asks for. */
    public record RevealRequest(Boolean anonymous) {
    }

    /** What was revealed. */
    public record Revealed(int notes, boolean anonymous) {
    }

    private final RoomStore rooms;
    private final RoomServer server;
    private final RoomPeople people;

    public RevealController(RoomStore rooms, RoomServer server, RoomPeople people) {
        this.rooms = rooms;
        this.server = server;
        this.people = people;
    }

    @PostMapping("/api/rooms/{id}/reveal")
    public Mono<Revealed> reveal(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody(required = false) RevealRequest body) {
        RoomUser user = JwtUsers.toUser(jwt);
        boolean anonymous = body != null && Boolean.TRUE.equals(body.anonymous());
        return RoomReads.existing(rooms, id).flatMap(room -> {
            AccessChanges.requireFacilitatorChange(room, user, "its board");
            Room open = OpenRooms.require(server, room, "private notes are revealed");
            // Everyone who ever joined may have written private notes: their documents are named from their ids.
            return Mono.fromCompletionStage(() -> people.list(room.id())).flatMap(list -> {
                List<String> names = new ArrayList<>();
                names.add(BOARD);
                list.forEach(p -> names.add(PrivateNotes.documentOf(p.id())));
                return Mono.fromCompletionStage(() -> open.serverEdit(names, docs -> {
                    List<YDoc> privateDocs = new ArrayList<>();
                    docs.forEach((name, doc) -> {
                        if (PrivateNotes.isPrivate(name)) {
                            privateDocs.add(doc);
                        }
                    });
                    return Reveal.reveal(docs.get(BOARD), privateDocs, anonymous);
                }));
            }).map(n -> {
                log.info("{} revealed {} private notes in room {}{}", user.id(), n, room.id(), anonymous ? " anonymously" : "");
                return new Revealed(n, anonymous);
            });
        });
    }
}
