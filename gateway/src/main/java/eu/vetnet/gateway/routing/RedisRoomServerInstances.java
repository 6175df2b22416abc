package eu.vetnet.gateway.routing;

import eu.vetnet.redis.RedisKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live room servers and room owners as the room servers publish them in Redis, under the keys all servers share
 * ({@link RedisKeys}, docs/history-and-presence.md): {@code SMEMBERS vetnet:nodes}, each {@code vetnet:node:{id}} holding the
 * server's URL while its heartbeat lasts, and {@code vetnet:room:{id}:owner} naming the node that holds a room's
 * lease. Polled every {@code refresh}; while Redis is away the last known list stays (Redis is a hint).
 */
public final class RedisRoomServerInstances implements RoomServerInstances, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRoomServerInstances.class);
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisReactiveCommands<String, String> redis;
    private final Sinks.Many<List<ServiceInstance>> changes = Sinks.many().replay().latest();
    private volatile List<ServiceInstance> current = List.of();
    private final Disposable polling;
    private final RedisKeys keys;

    public RedisRoomServerInstances(URI redisUri, RedisKeys keys, Duration refresh) {
        this.keys = keys;
        this.client = RedisClient.create(redisUri.toString());
        this.connection = client.connect();
        this.redis = connection.reactive();
        this.polling = Flux.interval(Duration.ZERO, refresh)
                .concatMap(tick -> read().onErrorResume(e -> {
                    log.warn("room registry in Redis unreadable, keeping the last list: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe(this::publish);
    }

    private Mono<List<ServiceInstance>> read() {
        return redis.smembers(keys.nodes()).collectList().flatMap(ids -> {
            if (ids.isEmpty()) {
                return Mono.just(List.<ServiceInstance>of());
            }
            String[] nodeKeys = ids.stream().map(this.keys::node).toArray(String[]::new);
            return redis.mget(nodeKeys).collectList().map(values -> {
                List<ServiceInstance> live = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    KeyValue<String, String> kv = values.get(i);
                    if (kv.hasValue()) {
                        Matcher m = URL.matcher(kv.getValue());
                        if (m.find()) {
                            // Named by its node id: what rendezvous hashing weighs, the same on every gateway.
                            live.add(StaticRoomServerInstances.instance(ids.get(i), URI.create(m.group(1))));
                        }
                    }
                }
                live.sort((a, b) -> a.getInstanceId().compareTo(b.getInstanceId()));
                return live;
            });
        });
    }

    private void publish(List<ServiceInstance> live) {
        if (!live.equals(current)) {
            current = live;
            changes.emitNext(live, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }
    }

    @Override
    public Flux<List<ServiceInstance>> live() {
        return changes.asFlux();
    }

    @Override
    public Mono<Optional<String>> ownerOf(String roomId) {
        return redis.get(keys.owner(roomId)).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorReturn(Optional.empty());
    }

    @Override
    public void close() {
        polling.dispose();
        connection.close();
        client.shutdown();
    }
}
