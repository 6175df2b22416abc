package eu.vetnet.rooms.presence;

import eu.vetnet.identity.api.ApiException;
import eu.vetnet.rooms.auth.JwtUsers;
import eu.vetnet.rooms.room.RoomAccessHook;
import eu.vetnet.rooms.room.RoomStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /api/presence}: people per room for the lobby (and a server-sent stream of it), the people of one room
 * (for those on its access list), and the live room servers.
 */
@RestController
public class PresenceController {

    private final Presence presence;
    private final RoomStore rooms;
    private final ObjectProvider<RedisPresence> registry;
    private final PresenceProperties properties;
    private final ObjectProvider<LiveNotifications> notifications;

    public PresenceController(Presence presence, RoomStore rooms, ObjectProvider<RedisPresence> registry, PresenceProperties properties,
            ObjectProvider<LiveNotifications> notifications) {
        this.presence = presence;
        this.rooms = rooms;
        this.registry = registry;
        this.properties = properties;
        this.notifications = notifications;
    }

    @GetMapping("/api/presence")
    public Mono<Map<String, Integer>> counts() {
        return presence.counts();
    }

    /**
     * The app's live stream: the lobby's counts now and whenever they change (checked on every hint and every
     * heartbeat), as {@code presence} events; and each notification the community server writes for the person
     * asking, as {@code notification} events (docs/community.md, "Notifications"; only where Redis carries them).
     */
    @GetMapping(value = "/api/presence/stream", produces = "text/event-stream")
    public Flux<ServerSentEvent<Object>> stream(@AuthenticationPrincipal Jwt jwt) {
        Flux<Object> triggers = Flux.merge(Flux.interval(Duration.ZERO, properties.getHeartbeat()), presence.changes());
        Flux<ServerSentEvent<Object>> counts = triggers.onBackpressureLatest()
                .concatMap(t -> presence.counts(), 1)
                .distinctUntilChanged()
                .map(c -> ServerSentEvent.<Object>builder(c).event("presence").build());
        LiveNotifications live = notifications.getIfAvailable();
        if (live == null || jwt == null) {
            return counts;
        }
        Flux<ServerSentEvent<Object>> mine = live.forPerson(JwtUsers.toUser(jwt).id())
                .map(n -> ServerSentEvent.<Object>builder(n).event("notification").build());
        return Flux.merge(counts, mine);
    }

    @GetMapping("/api/rooms/{id}/presence")
    public Mono<List<PresenceEntry>> room(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        var user = JwtUsers.toUser(jwt);
        return Mono.fromCompletionStage(() -> rooms.find(id))
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "no room " + id,
                        "list the rooms you may enter with GET /api/rooms")))
                .flatMap(room -> {
                    if (RoomAccessHook.roleOf(room, user) == null) {
                        return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "you are not on the access list of room " + id,
                                "ask its owner or a facilitator to add you"));
                    }
                    return presence.room(id);
                });
    }

    /** The registry the gateway routes on (empty without Redis). */
    @GetMapping("/api/presence/nodes")
    public Mono<List<RedisPresence.Node>> nodes() {
        RedisPresence redis = registry.getIfAvailable();
        return redis == null ? Mono.just(List.of()) : redis.nodes().onErrorReturn(List.of());
    }
}
