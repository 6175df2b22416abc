package eu.vetnet.community.notifications;

import eu.vetnet.redis.RedisKeys;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each stored notification to the person's open apps (docs/community.md, "Notifications"): published on
 * {@link RedisKeys#notificationChannel()}, from where every room server passes it on over the app's live stream. At most
 * once, never waited for: a notification that is not delivered live is still listed and in the digest.
 */
public final class LivePublisher {

    private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final JsonMapper json;

    public LivePublisher(ReactiveStringRedisTemplate redis, RedisKeys keys, JsonMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    public void publish(String person, Notification notification) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("person", person);
        message.put("notification", notification);
        redis.convertAndSend(keys.notificationChannel(), json.writeValueAsString(message)).timeout(TIMEOUT)
                .subscribe(receivers -> { }, e -> log.debug("a {} notification for {} was not published live: {}",
                        notification.kind(), person, e.toString()));
    }
}
