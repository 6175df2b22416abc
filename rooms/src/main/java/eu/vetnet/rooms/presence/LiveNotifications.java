package eu.vetnet.rooms.presence;

import eu.vetnet.redis.RedisKeys;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications the community server publishes ({@link RedisKeys#notificationChannel()}), passed on to each
 * person's open app over the app's live stream ({@code /api/presence/stream}, docs/community.md, "Notifications").
 * One Redis subscription per server while any stream listens, shared by all of them. At most once, like every hint
 * in Redis: the notification itself is kept in Cassandra, and the app lists it from there.
 */
public final class LiveNotifications {

    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);

    /** One published notification: for whom, and the notification as the community server lists it. */
    public record Published(String person, JsonNode notification) {
    }

    private final Flux<Published> shared;

    public LiveNotifications(ReactiveStringRedisTemplate redis, RedisKeys keys, JsonMapper json) {
        // Deferred: listenToChannel connects as it is called, and a room server must start while Redis is away.
        this.shared = Flux.defer(() -> redis.listenToChannel(keys.notificationChannel()))
                .flatMap(m -> {
                    try {
                        return Mono.just(json.readValue(m.getMessage(), Published.class));
                    } catch (RuntimeException e) {
                        log.debug("a live notification that does not parse was ignored: {}", e.toString());
                        return Mono.empty();
                    }
                })
                .filter(p -> p.person() != null && p.notification() != null)
                // Redis away: listen again once it is back (what was published meanwhile is in the list, not live).
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(5)))
                .share();
    }

    /** The notifications for {@code personId} from now on; a slow reader keeps only the newest ones. */
    public Flux<JsonNode> forPerson(String personId) {
        return shared.filter(p -> personId.equals(p.person())).map(Published::notification).onBackpressureLatest();
    }
}
