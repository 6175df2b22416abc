package eu.vetnet.rooms.presence;

import eu.vetnet.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Platform-wide presence and the registry of live room servers, kept in Redis by heartbeats with a TTL: every
 * heartbeat rewrites this server's node key and its presence key, so a server that dies vanishes with its
 * people after the TTL, and a Redis that restarted empty is refilled within one heartbeat. Redis is a hint, not
 * a record (docs/reliability.md, rule 8): while it cannot be reached, reads answer with this server's own view.
 */
public final class RedisPresence implements Presence, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisPresence.class);
    private static final TypeReference<List<PresenceEntry>> ENTRIES = new TypeReference<>() {
    };

    /** A live room server as the registry holds it. */
    public record Node(String id, String url, Instant startedAt, Instant heartbeatAt) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final LocalPresence local;
    private final InProcessPresence fallback;
    private final RedisKeys keys;
    private final PresenceProperties properties;
    private final JsonMapper json;
    private final String url;
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final Disposable.Composite running = Disposables.composite();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean started;
    private volatile boolean closed;

    public RedisPresence(ReactiveStringRedisTemplate redis, LocalPresence local, RedisKeys keys, PresenceProperties properties,
            JsonMapper json, String url) {
        this.redis = redis;
        this.local = local;
        this.fallback = new InProcessPresence(local);
        this.keys = keys;
        this.properties = properties;
        this.json = json;
        this.url = url;
    }

    /** Starts heartbeating, and publishing local changes at once (at most every 100 ms). */
    @Override
    public void start() {
        if (started) {
            return;
        }
        started = true;
        running.add(Flux.interval(Duration.ZERO, properties.getHeartbeat())
                .onBackpressureDrop()
                .concatMap(tick -> heartbeat().onErrorResume(e -> away(e)))
                .subscribe());
        // Rooms that changed wait in a set; each publish takes them all. While Redis is slow, ticks that find a publish
        // already waiting are dropped (it will carry their rooms): a plain sample() over a busy concatMap overflowed
        // after a few slow seconds and ended the subscription, so presence stopped being published for good.
        running.add(local.changes()
                .doOnNext(changed::add)
                .sample(Duration.ofMillis(100))
                .onBackpressureDrop()
                .concatMap(tick -> publishChanged().onErrorResume(e -> away(e)), 1)
                .subscribe());
    }

    /** Publishes this server's presence once, then names each room that changed since the last publish. */
    private Mono<Void> publishChanged() {
        List<String> rooms = new ArrayList<>();
        for (var it = changed.iterator(); it.hasNext(); ) {
            rooms.add(it.next());
            it.remove();
        }
        if (rooms.isEmpty()) {
            return Mono.empty();
        }
        return publishPresence().thenMany(Flux.fromIterable(rooms).concatMap(room -> timed(redis.convertAndSend(keys.presenceChannel(), room))))
                .then()
                .doOnError(e -> changed.addAll(rooms)); // named again with the next publish
    }

    /** One heartbeat: this node's registry entry and its presence, both with the TTL. */
    public Mono<Void> heartbeat() {
        Node me = new Node(local.node(), url, startedAt, Instant.now());
        return timed(redis.opsForValue().set(keys.node(local.node()), json.writeValueAsString(me), properties.getTtl()))
                .then(timed(redis.opsForSet().add(keys.nodes(), local.node())))
                .then(publishPresence())
                .doOnSuccess(v -> {
                    if (reachable.compareAndSet(false, true)) {
                        log.info("presence: Redis is reachable again; this server's presence and registry entry are republished");
                    }
                });
    }

    private Mono<Void> publishPresence() {
        return timed(redis.opsForValue().set(keys.presence(local.node()), json.writeValueAsString(local.entries()), properties.getTtl()))
                .then();
    }

    private Mono<Void> away(Throwable e) {
        if (reachable.compareAndSet(true, false)) {
            log.warn("presence: Redis cannot be reached ({}); rooms keep working, presence is this server's own until it is back",
                    e.toString());
        }
        return Mono.empty();
    }

    /** The live room servers: members of the node set whose heartbeat key still exists (dead ones are pruned). */
    public Mono<List<Node>> nodes() {
        return timed(redis.opsForSet().members(keys.nodes()).collectList()).flatMap(ids -> {
            if (ids.isEmpty()) {
                return Mono.just(List.<Node>of());
            }
            return timed(redis.opsForValue().multiGet(ids.stream().map(keys::node).toList())).flatMap(values -> {
                List<Node> live = new ArrayList<>();
                List<String> dead = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    String v = values.get(i);
                    if (v == null) {
                        dead.add(ids.get(i));
                    } else {
                        live.add(json.readValue(v, Node.class));
                    }
                }
                Mono<Long> prune = dead.isEmpty() ? Mono.just(0L) : timed(redis.opsForSet().remove(keys.nodes(), dead.toArray()));
                return prune.thenReturn(live);
            });
        });
    }

    /** Every entry of every live node. */
    private Mono<List<PresenceEntry>> all() {
        return nodes().flatMap(nodes -> {
            if (nodes.isEmpty()) {
                return Mono.just(List.<PresenceEntry>of());
            }
            return timed(redis.opsForValue().multiGet(nodes.stream().map(n -> keys.presence(n.id())).toList())).map(values -> {
                List<PresenceEntry> out = new ArrayList<>();
                for (String v : values) {
                    if (v != null) {
                        out.addAll(json.readValue(v, ENTRIES));
                    }
                }
                return out;
            });
        });
    }

    @Override
    public Mono<Map<String, Integer>> counts() {
        return all().map(InProcessPresence::count).onErrorResume(e -> away(e).then(fallback.counts()));
    }

    @Override
    public Mono<List<PresenceEntry>> room(String roomId) {
        return all().map(entries -> entries.stream().filter(e -> e.roomId().equals(roomId)).toList())
                .onErrorResume(e -> away(e).then(fallback.room(roomId)));
    }

    /** Local changes, and changes other servers announce (a hint; resubscribed when Redis comes back). */
    @Override
    public Flux<String> changes() {
        Flux<String> remote = redis.listenToChannel(keys.presenceChannel())
                .map(m -> m.getMessage())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(properties.getHeartbeat()));
        return Flux.merge(local.changes(), remote);
    }

    public boolean reachable() {
        return reachable.get();
    }

    private <T> Mono<T> timed(Mono<T> call) {
        return call.timeout(properties.getCommandTimeout());
    }

    /** Stops heartbeating without a goodbye, as a killed server would (tests). */
    void crash() {
        running.dispose();
    }

    /** Stops heartbeating and removes this server from the registry at once (a crash leaves it to the TTL). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.dispose();
        try {
            timed(redis.delete(keys.node(local.node()), keys.presence(local.node()))
                    .then(redis.opsForSet().remove(keys.nodes(), local.node()))).block(properties.getCommandTimeout().multipliedBy(2));
        } catch (RuntimeException e) {
            log.debug("presence: could not remove this server from the registry on close: {}", e.toString());
        }
    }

    /** Stops (and leaves the registry) before the Redis connection factory stops (its phase is 0). */
    @Override
    public void stop() {
        close();
    }

    @Override
    public boolean isRunning() {
        return started && !closed;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", local.node());
        out.put("redis", reachable.get() ? "reachable" : "away");
        return out;
    }
}
