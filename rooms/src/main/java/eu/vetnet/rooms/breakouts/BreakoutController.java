package eu.vetnet.rooms.breakouts;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.core.Room;
import eu.vetnet.rooms.core.RoomServer;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.room.AccessChanges;
import eu.vetnet.rooms.room.AccessList;
import eu.vetnet.rooms.room.OpenRooms;
import eu.vetnet.rooms.room.RoomReads;
import eu.vetnet.rooms.room.RoomRecord;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Breakouts (docs/dialogue.md, "Breakouts"). {@code POST /api/rooms/{id}/breakouts} splits a session into groups, each
 * in a room of its own seeded from a frame of the plenary board, with the plenary's timer; {@code POST
 * /api/rooms/{id}/breakouts/return} copies each group's board back into its frame and sends everyone back. The
 * facilitator's act, on the plenary's owner (the room must be open here); the plan lives in the plenary's workshop
 * ({@code workshop/breakouts}), where every client sees where to go.
 */
@RestController
public class BreakoutController {

    private static final Logger log = LoggerFactory.getLogger(BreakoutController.class);
    static final int MAX_GROUPS = 20;
    static final int MAX_MEMBERS = 200;
    static final String BOARD = "board";
    static final String WORKSHOP = "workshop";

    /** A group: the frame of the plenary board it works on, and who is in it (user ids). */
    public record Group(String frame, List<String> members) {
    }

    public record StartRequest(List<Group> groups, Integer minutes) {
    }

    /** A group under way: its id in the plan, its room, the frame, its title and members. */
    public record Started(String id, String room, String frame, String title, List<String> members) {
    }

    public record Returned(int groups, int objects) {
    }

    /** What the plenary board gives a group: the frame's title, the ids copied, and those objects as an update. */
    private record Seed(Group group, String title, List<String> ids, byte[] objects) {
    }

    /** A group whose room is ready, with the ids it was given (what copy-back may delete). */
    private record Prepared(Started started, List<String> seeded) {
    }

    private final RoomStore rooms;
    private final RoomServer server;

    public BreakoutController(RoomStore rooms, RoomServer server) {
        this.rooms = rooms;
        this.server = server;
    }

    @PostMapping("/api/rooms/{id}/breakouts")
    public Mono<List<Started>> start(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody(required = false) StartRequest body) {
        RoomUser user = JwtUsers.toUser(jwt);
        List<Group> groups = validGroups(body);
        int minutes = body.minutes() == null ? 15 : body.minutes();
        if (minutes < 1 || minutes > 240) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "minutes must be 1 to 240, not " + minutes, "send the groups' time box in minutes");
        }
        return RoomReads.existing(rooms, id).flatMap(plenary -> {
            AccessChanges.requireFacilitatorChange(plenary, user, "its groups");
            Room open = OpenRooms.require(server, plenary, "breakouts start");
            return Mono.fromCompletionStage(() -> open.read(List.of(BOARD, WORKSHOP), docs -> seeds(docs, groups)))
                    .flatMap(seeds -> Flux.fromIterable(seeds).concatMap(seed -> createGroup(plenary, seed, minutes)).collectList())
                    .flatMap(prepared -> Mono.fromCompletionStage(() -> open.serverEdit(List.of(WORKSHOP), docs -> {
                        YMap settings = docs.get(WORKSHOP).getMap(WORKSHOP);
                        YMap plan = new YMap();
                        settings.set("breakouts", plan);
                        long endsAt = System.currentTimeMillis() + minutes * 60_000L;
                        List<Started> started = new ArrayList<>();
                        for (Prepared p : prepared) {
                            Started s = p.started();
                            started.add(s);
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("room", s.room());
                            entry.put("frame", s.frame());
                            entry.put("title", s.title());
                            entry.put("members", s.members());
                            entry.put("seeded", p.seeded());
                            entry.put("state", "open");
                            entry.put("endsAt", endsAt);
                            plan.set(s.id(), entry);
                        }
                        startTimer(settings, minutes);
                        return started;
                    })));
        }).doOnNext(started -> log.info("{} started {} breakouts in room {}", user.id(), started.size(), id));
    }

    @PostMapping("/api/rooms/{id}/breakouts/return")
    public Mono<Returned> bringBack(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        RoomUser user = JwtUsers.toUser(jwt);
        return RoomReads.existing(rooms, id).flatMap(plenary -> {
            AccessChanges.requireFacilitatorChange(plenary, user, "its board");
            Room open = OpenRooms.require(server, plenary, "groups are brought back");
            return Mono.fromCompletionStage(() -> open.read(List.of(WORKSHOP), docs -> openGroups(docs.get(WORKSHOP))))
                    .flatMap(groups -> {
                        if (groups.isEmpty()) {
                            return Mono.error(new ApiException(HttpStatus.CONFLICT, "room " + id + " has no breakouts under way",
                                    "start breakouts first"));
                        }
                        // Each group's board as its room holds it (loaded from storage if everyone left), and the
                        // group is told to go back; then all of it goes into the plenary board in one server edit.
                        return Flux.fromIterable(groups.entrySet()).concatMap(g -> finishGroup(id, g.getKey(), g.getValue()))
                                .collectList()
                                .flatMap(boards -> Mono.fromCompletionStage(() -> open.serverEdit(List.of(BOARD, WORKSHOP), docs -> {
                                    int objects = 0;
                                    YMap plan = docs.get(WORKSHOP).getMap(WORKSHOP).get("breakouts") instanceof YMap m ? m : null;
                                    for (Map.Entry<String, byte[]> board : boards) {
                                        Map<String, Object> entry = groups.get(board.getKey());
                                        YDoc group = new YDoc();
                                        group.applyUpdate(board.getValue());
                                        objects += Breakouts.copyBack(group, docs.get(BOARD), String.valueOf(entry.get("frame")),
                                                strings(entry.get("seeded")), String.valueOf(entry.get("title")));
                                        if (plan != null) {
                                            Map<String, Object> returned = new LinkedHashMap<>(entry);
                                            returned.put("state", "returned");
                                            plan.set(board.getKey(), returned);
                                        }
                                    }
                                    return new Returned(boards.size(), objects);
                                })));
                    });
        }).doOnNext(r -> log.info("{} brought back {} breakouts ({} objects) into room {}", user.id(), r.groups(), r.objects(), id));
    }

    private static List<Group> validGroups(StartRequest body) {
        if (body == null || body.groups() == null || body.groups().isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "no groups", "send {\"groups\": [{\"frame\": ..., \"members\": [...]}], \"minutes\": 15}");
        }
        if (body.groups().size() > MAX_GROUPS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, body.groups().size() + " groups; at most " + MAX_GROUPS, "make fewer groups");
        }
        Set<String> frames = new HashSet<>();
        for (Group g : body.groups()) {
            if (g == null || g.frame() == null || g.frame().isBlank() || !frames.add(g.frame())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "each group needs a frame of its own", "give every group a different frame");
            }
            if (g.members() == null || g.members().isEmpty() || g.members().size() > MAX_MEMBERS
                    || g.members().stream().anyMatch(m -> m == null || m.isBlank())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "the group on frame " + g.frame() + " needs 1 to " + MAX_MEMBERS + " members",
                        "list the user ids of who works in it");
            }
        }
        return body.groups();
    }

    /** On the plenary's lane: what each group starts from; refuses when groups are under way or a frame is missing. */
    private static List<Seed> seeds(Map<String, YDoc> docs, List<Group> groups) {
        if (!openGroups(docs.get(WORKSHOP)).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "breakouts are under way", "bring everyone back first");
        }
        YDoc board = docs.get(BOARD);
        List<Seed> seeds = new ArrayList<>();
        for (Group g : groups) {
            YMap frame = Breakouts.frame(board, g.frame());
            if (frame == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "the board has no frame " + g.frame(), "pick frames on the board");
            }
            List<String> ids = Breakouts.inside(board, g.frame());
            YDoc copy = new YDoc();
            copy.transact(t -> Breakouts.seed(board, ids, copy));
            String title = String.valueOf(frame.get("text") == null ? "" : frame.get("text")).strip();
            seeds.add(new Seed(g, title.isEmpty() ? "Group " + (seeds.size() + 1) : title, ids, copy.encodeStateAsUpdate()));
        }
        return seeds;
    }

    /** A room for one group: its record (the plenary's facilitators, the group's members), its board and timer. */
    private Mono<Prepared> createGroup(RoomRecord plenary, Seed seed, int minutes) {
        String roomId = UUID.randomUUID().toString();
        AccessList access = new AccessList(plenary.access().owner(), plenary.access().facilitators(), seed.group().members(), List.of());
        RoomRecord record = new RoomRecord(roomId, plenary.title() + " · " + seed.title(), plenary.kind(), access,
                plenary.documents(), List.of(), false, Instant.now(), null, plenary.ownerName());
        return Mono.fromCompletionStage(() -> rooms.save(record))
                .then(Mono.fromCompletionStage(() -> server.hold(roomId, room -> room.serverEdit(List.of(BOARD, WORKSHOP), docs -> {
                    YDoc given = new YDoc();
                    given.applyUpdate(seed.objects());
                    Breakouts.seed(given, seed.ids(), docs.get(BOARD));
                    YMap settings = docs.get(WORKSHOP).getMap(WORKSHOP);
                    settings.set("plenary", plenary.id());
                    startTimer(settings, minutes);
                    return roomId;
                }))))
                .map(room -> new Prepared(new Started(UUID.randomUUID().toString().substring(0, 8), room, seed.group().frame(),
                        seed.title(), seed.group().members()), seed.ids()))
                .onErrorMap(e -> !(e instanceof ApiException), e -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the room for the group on frame " + seed.group().frame() + " could not be prepared: " + e.getMessage(), "try again"));
    }

    /** A group's board as its room holds it, with the group told to go back to the plenary. */
    private Mono<Map.Entry<String, byte[]>> finishGroup(String plenaryId, String groupId, Map<String, Object> entry) {
        String roomId = String.valueOf(entry.get("room"));
        return Mono.fromCompletionStage(() -> server.hold(roomId, room -> room.serverEdit(List.of(BOARD, WORKSHOP), docs -> {
            YMap settings = docs.get(WORKSHOP).getMap(WORKSHOP);
            settings.set("returnTo", plenaryId);
            return docs.get(BOARD).encodeStateAsUpdate();
        }))).map(board -> Map.entry(groupId, board))
                .onErrorMap(e -> new ApiException(HttpStatus.CONFLICT, "the group room " + roomId + " could not be read back: " + e.getMessage(),
                        "it may be open on another room server; try again in a minute"));
    }

    /** The groups under way in a plenary's workshop: group id -> its plan entry. */
    private static Map<String, Map<String, Object>> openGroups(YDoc workshop) {
        Map<String, Map<String, Object>> open = new LinkedHashMap<>();
        if (workshop.getMap(WORKSHOP).get("breakouts") instanceof YMap plan) {
            plan.entries().forEach((id, v) -> {
                if (v instanceof Map<?, ?> m && "open".equals(m.get("state"))) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    m.forEach((k, x) -> entry.put(String.valueOf(k), x));
                    open.put(id, entry);
                }
            });
        }
        return open;
    }

    /** The shared timer: the group's time box on the server's clock. */
    private static void startTimer(YMap settings, int minutes) {
        YMap timer = new YMap();
        settings.set("timer", timer);
        timer.set("startedAt", System.currentTimeMillis());
        timer.set("durationSec", minutes * 60);
        timer.set("running", true);
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
