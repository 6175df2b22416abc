package eu.vetnet.rooms.presence;

import eu.vetnet.redis.RedisKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One owner per room: a lease in Redis ({@code SET owner NX PX}), renewed every third of its TTL while the room
 * is loaded here, released when it unloads. Renewal compares the owner first (a script), so a server never
 * extends a lease another one took. When Redis cannot be reached the rooms held here stay (Redis is a hint): the
 * log in Cassandra is a CRDT log, so two writers for a while converge; they are told apart again once it is back.
 */
public final class RoomLeases implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomLeases.class);

    /** Returns 1 if renewed, 2 if the lease had lapsed and was taken again, 0 if another node holds it. */
    private static final RedisScript<Long> RENEW = RedisScript.of("""
            local owner = redis.call('GET', KEYS[1])
            if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
            if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
            return 0""", Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""", Long.class);

    /** The outcome of asking for a room. */
    public record Claim(boolean granted, String owner) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final String node;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();
    private final BiConsumer<String, String> lost;
    private Disposable renewing;
    private volatile boolean closed;

    /** @param lost called with (room, new owner) when another server took a room held here */
    public RoomLeases(ReactiveStringRedisTemplate redis, RedisKeys keys, String node, Duration ttl, Duration timeout,
            BiConsumer<String, String> lost) {
        this.redis = redis;
        this.keys = keys;
        this.node = node;
        this.ttl = ttl;
        this.timeout = timeout;
        this.lost = lost;
    }

    @Override
    public synchronized void start() {
        if (renewing != null) {
            return;
        }
        renewing = Flux.interval(ttl.dividedBy(3))
                .onBackpressureDrop()
                .concatMap(tick -> renewAll())
                .subscribe();
    }

    /** Takes the room's lease, or says who holds it. Granted when Redis cannot be reached (availability first). */
    public Mono<Claim> acquire(String room) {
        return redis.opsForValue().setIfAbsent(keys.owner(room), node, ttl).timeout(timeout)
                .flatMap(set -> set ? Mono.just(new Claim(true, node))
                        : redis.opsForValue().get(keys.owner(room)).timeout(timeout)
                                .map(owner -> owner.equals(node) ? new Claim(true, node) : new Claim(false, owner))
                                .defaultIfEmpty(new Claim(false, "?")))
                .onErrorResume(e -> {
                    log.warn("lease of room {}: Redis cannot be reached ({}); serving it without a lease", room, e.toString());
                    return Mono.just(new Claim(true, node));
                })
                .doOnNext(c -> {
                    if (c.granted()) {
                        held.put(room, Boolean.TRUE);
                    }
                });
    }

    public Mono<Void> release(String room) {
        held.remove(room);
        return redis.execute(RELEASE, List.of(keys.owner(room)), List.of(node)).timeout(timeout).then()
                .onErrorResume(e -> Mono.empty());
    }

    /** The owner of a room, empty when nobody holds it. */
    public Mono<String> owner(String room) {
        return redis.opsForValue().get(keys.owner(room)).timeout(timeout);
    }

    public boolean holds(String room) {
        return held.containsKey(room);
    }

    private Mono<Void> renewAll() {
        return Flux.fromIterable(List.copyOf(held.keySet()))
                .concatMap(room -> redis.execute(RENEW, List.of(keys.owner(room)), List.of(node, Long.toString(ttl.toMillis())))
                        .next().timeout(timeout)
                        .flatMap(result -> {
                            if (result == 0L && held.remove(room) != null) {
                                return owner(room).defaultIfEmpty("?").doOnNext(owner -> {
                                    log.warn("lost the lease of room {} to {}", room, owner);
                                    lost.accept(room, owner);
                                }).then();
                            }
                            return Mono.<Void>empty();
                        })
                        .onErrorResume(e -> Mono.empty()))
                .then();
    }

    /** Stops renewing without releasing, as a killed server would (tests). */
    void crash() {
        if (renewing != null) {
            renewing.dispose();
        }
    }

    /** Releases every lease held here so the rooms move at once (a killed server's lapse after the TTL). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (renewing != null) {
            renewing.dispose();
        }
        try {
            Flux.fromIterable(List.copyOf(held.keySet())).concatMap(this::release).then().block(timeout.multipliedBy(2));
        } catch (RuntimeException e) {
            log.debug("leases not released on close: {}", e.toString());
        }
    }

    /** Before the Redis connection factory stops (its phase is 0). */
    @Override
    public void stop() {
        close();
    }

    @Override
    public boolean isRunning() {
        return renewing != null && !closed;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
