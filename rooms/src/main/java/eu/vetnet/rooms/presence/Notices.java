package eu.vetnet.rooms.presence;

import eu.vetnet.redis.RedisKeys;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-server notices over Redis pub/sub: at most once, so a hint only (docs/reliability.md, rule 8). A server
 * that misses one still converges: access is checked on every join, documents resync by state vector.
 */
public final class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    /** A user removed from a room, a room archived, a lease lost. */
    public record Notice(String type, String roomId, String userId, String node) {
        public static final String USER_REMOVED = "user-removed";
        public static final String ROOM_ARCHIVED = "room-archived";
        public static final String LEASE_LOST = "lease-lost";
    }

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final JsonMapper json;
    private reactor.core.Disposable listening;

    public Notices(ReactiveStringRedisTemplate redis, RedisKeys keys, JsonMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    /** Publishes a notice; completes empty when Redis cannot be reached (nothing waits on a hint). */
    public Mono<Void> publish(Notice notice) {
        return redis.convertAndSend(keys.noticeChannel(), json.writeValueAsString(notice)).timeout(Duration.ofSeconds(1)).then()
                .onErrorResume(e -> {
                    log.debug("notice {} not published: {}", notice, e.toString());
                    return Mono.empty();
                });
    }

    /** Hands every notice (from any server, this one included) to {@code handler}. */
    void listen(java.util.function.Consumer<Notice> handler) {
        listening = stream().subscribe(n -> {
            try {
                handler.accept(n);
            } catch (RuntimeException e) {
                log.warn("notice {} not handled", n, e);
            }
        });
    }

    void close() {
        if (listening != null) {
            listening.dispose();
        }
    }

    /** Notices from every server, resubscribed after Redis comes back (what was sent meanwhile is lost). */
    public Flux<Notice> stream() {
        return redis.listenToChannel(keys.noticeChannel())
                .map(m -> json.readValue(m.getMessage(), Notice.class))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(5)));
    }
}
