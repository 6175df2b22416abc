package eu.vetnet.rooms.presence;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who is where, platform-wide (Redis) or on this server only (in-process). */
public interface Presence {

    /** Number of people per room, for the lobby. */
    Mono<Map<String, Integer>> counts();

    /** The people in one room. */
    Mono<List<PresenceEntry>> room(String roomId);

    /** A tick whenever presence may have changed (a hint: read {@link #counts()} again). */
    Flux<String> changes();
}
