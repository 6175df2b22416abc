package eu.vetnet.rooms.opinion;

import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.OpenRooms;
import eu.vetnet.rooms.room.RoomKind;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/rooms/{id}/opinions}: the live opinion map of a room's statements, for anyone on its access list
 * (docs/dialogue.md). Drawn from the room as its owner server holds it now (the gateway routes a room's requests to
 * its owner), so it needs the room open: it is the map of a session under way.
 */
@RestController
public class OpinionController {

    /** A map drawn from a vote matrix, and whose each point is. */
    private record Drawn(VoteMatrix matrix, OpinionMap map, List<String> pointVoters) {
    }

    /** Rooms whose map is asked for at once keep one drawing: */
    private static final int KEPT = 256;

    private final RoomStore rooms;
    private final RoomServer server;
    /**
     * The last map drawn per room: after a burst of votes every browser in the room asks (docs/dialogue.md), and the
     * same votes draw the same map, so it is worked out once, not once per person. Reading the matrix is cheap; the
     * decomposition and the clustering are not.
     */
    private final Map<String, Drawn> drawn = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Drawn> eldest) {
            return size() > KEPT;
        }
    });

    public OpinionController(RoomStore rooms, RoomServer server) {
        this.rooms = rooms;
        this.server = server;
    }

    @GetMapping("/api/rooms/{id}/opinions")
    public Mono<OpinionMap> opinions(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return RoomReads.onAccessList(rooms, id, user).flatMap(room -> {
            Room open = OpenRooms.require(server, room, "the opinion map is drawn");
            // The matrix is copied on the room's lane; the numbers are worked out off it, so editors never wait for them.
            return Mono.fromCompletionStage(() -> open.inspect(docs -> Statements.read(docs.get(RoomKind.VOICE_DOCUMENT))))
                    .publishOn(Schedulers.parallel())
                    .map(matrix -> {
                        Drawn d = drawn.get(room.id());
                        if (d == null || !d.matrix().sameAs(matrix)) {
                            d = new Drawn(matrix, OpinionAnalysis.compute(matrix, null), OpinionAnalysis.pointVoters(matrix));
                            drawn.put(room.id(), d);
                        }
                        return OpinionAnalysis.forViewer(d.map(), d.pointVoters(), user.id());
                    });
        });
    }
}
