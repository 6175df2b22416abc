package eu.vetnet.rooms.presence;

import eu.vetnet.redis.RedisKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One owner per room: a lease in Redis, renewed every third of its TTL while the room is loaded here, released when it
 * unloads (docs/history-and-presence.md, "Lease protocol"). Renewal compares the owner first (a script), so a server
 * never extends a lease another one took.
 *
 * <p>A lease is also <b>fenced by time</b>: this server counts each lease as held only until one TTL, less
 * {@code lease-margin}, after it <em>sent</em> the command that last granted or renewed it. Redis counts the same TTL
 * from when it received that command, later, so this server's lease always ends first. When it ends unrenewed (Redis
 * unreachable, a partition, a long pause) the room is {@linkplain Listener#expired expired} here, and
 * {@link #valid} answers false from that moment, before any other server can take the key. Without Redis nothing is
 * granted: two owners would be worse than a room that waits.
 */
public final class RoomLeases implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomLeases.class);

    /** Returns 1 if renewed, 2 if the key was gone (Redis restarted) and is ours again, 0 if another node holds it. */
    private static final RedisScript<Long> RENEW = RedisScript.of("""
            local owner = redis.call('GET', KEYS[1])
            if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
            if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
            return 0""", Long.class);
    /**
     * Grants the lease (returns our node id), or returns who holds it, or "" while this Redis is younger than one TTL
     * (KEYS[2], set here when missing): after a restart that lost the keys, their holders take them back first.
     */
    private static final RedisScript<String> ACQUIRE = RedisScript.of("""
            local owner = redis.call('GET', KEYS[1])
            if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return owner end
            if owner then return owner end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local since = tonumber(redis.call('GET', KEYS[2]))
            if not since then redis.call('SET', KEYS[2], now) since = now end
            if now - since < tonumber(ARGV[2]) then return '' end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return ARGV[1]""", String.class);
    /** Starts this Redis's clock for {@link #ACQUIRE} when it is missing, so servers started early wait less. */
    private static final RedisScript<Long> MARK_SINCE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            local t = redis.call('TIME')
            redis.call('SET', KEYS[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
            return 1""", Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""", Long.class);

    /** The outcome of asking for a room: granted, or why not ({@code owner} when another server holds it). */
    public record Claim(boolean granted, String owner, String refusal) {

        static Claim granted(String node) {
            return new Claim(true, node, null);
        }

        static Claim heldBy(String owner) {
            return new Claim(false, owner, "room is served by room server " + owner + ": reconnect through the gateway");
        }

        static Claim refused(String why) {
            return new Claim(false, null, why);
        }
    }

    /** What this server is told about rooms it held. */
    public interface Listener {

        /** Another server took the room's lease. */
        void lost(String room, String owner);

        /** The room's lease ended here unrenewed: this server may no longer accept writes for it. */
        void expired(String room);
    }

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final String node;
    private final Duration ttl;
    private final long heldForNanos;
    private final Duration timeout;
    /** Room id to the {@link System#nanoTime} until which this server holds its lease. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    /** Room id to the wall-clock millisecond its current holding here began (for {@link #holdings}). */
    private final Map<String, Long> heldSince = new ConcurrentHashMap<>();
    /** The latest holdings that ended here, oldest first, at most {@link #ENDED_KEPT}. */
    private final java.util.ArrayDeque<Holding> ended = new java.util.ArrayDeque<>();
    private static final int ENDED_KEPT = 1024;
    private final Listener listener;
    /** What happened to leases here, for metrics: granted, refused, lost to another server, expired unrenewed. */
    private final java.util.concurrent.atomic.AtomicLongArray events = new java.util.concurrent.atomic.AtomicLongArray(4);
    private Disposable renewing;
    private Disposable fencing;
    private volatile boolean closed;

    /**
     * @param margin how much earlier than Redis this server counts a lease as ended: covers a pause between the check
     *     and the acknowledgement it guards, and clocks that run at slightly different rates; less than half the TTL
     */
    public RoomLeases(ReactiveStringRedisTemplate redis, RedisKeys keys, String node, Duration ttl, Duration margin,
            Duration timeout, Listener listener) {
        if (margin.isNegative() || margin.multipliedBy(2).compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("vetnet.presence.lease-margin (" + margin
                    + ") must be at least 0 and under half of vetnet.presence.lease-ttl (" + ttl + ")");
        }
        this.redis = redis;
        this.keys = keys;
        this.node = node;
        this.ttl = ttl;
        this.heldForNanos = ttl.minus(margin).toNanos();
        this.timeout = timeout;
        this.listener = listener;
    }

    @Override
    public synchronized void start() {
        if (renewing != null) {
            return;
        }
        renewing = Flux.interval(Duration.ZERO, ttl.dividedBy(3))
                .onBackpressureDrop()
                .concatMap(tick -> markSince().then(renewAll()))
                .subscribe();
        Duration check = ttl.dividedBy(20).compareTo(Duration.ofMillis(100)) < 0 ? ttl.dividedBy(20) : Duration.ofMillis(100);
        fencing = Flux.interval(check).onBackpressureDrop().subscribe(tick -> expireEnded());
    }

    /** Takes the room's lease, or says why not (held elsewhere, Redis unreachable, Redis restarted a moment ago). */
    public Mono<Claim> acquire(String room) {
        return Mono.defer(() -> {
            if (closed) {
                // Draining: a lease taken now would never be renewed nor released, and block the room for a TTL.
                return Mono.just(Claim.refused("this room server is shutting down: reconnect through the gateway"));
            }
            long sent = System.nanoTime();
            return redis.execute(ACQUIRE, List.of(keys.owner(room), keys.leasesSince()),
                            List.of(node, Long.toString(ttl.toMillis())))
                    .next().timeout(timeout)
                    .map(owner -> {
                        if (owner.equals(node)) {
                            heldSince.putIfAbsent(room, wallClockOf(sent));
                            held.put(room, sent + heldForNanos);
                            events.incrementAndGet(GRANTED);
                            return Claim.granted(node);
                        }
                        events.incrementAndGet(REFUSED);
                        return owner.isEmpty()
                                ? Claim.refused("room leases are being taken back after a Redis restart: try again in a moment")
                                : Claim.heldBy(owner);
                    })
                    .onErrorResume(e -> {
                        log.warn("lease of room {}: Redis cannot be reached ({}); not serving it", room, e.toString());
                        events.incrementAndGet(REFUSED);
                        return Mono.just(Claim.refused("the room lease store cannot be reached: try again in a moment"));
                    });
        });
    }

    public Mono<Void> release(String room) {
        Long until = held.remove(room);
        if (until != null) {
            ended(room, until);
        }
        return redis.execute(RELEASE, List.of(keys.owner(room)), List.of(node)).timeout(timeout).then()
                .onErrorResume(e -> Mono.empty());
    }

    /** The owner of a room, empty when nobody holds it. */
    public Mono<String> owner(String room) {
        return redis.opsForValue().get(keys.owner(room)).timeout(timeout);
    }

    /** Whether this server holds the room's lease at this moment (not merely had it: see the class comment). */
    public boolean valid(String room) {
        Long until = held.get(room);
        return until != null && System.nanoTime() - until < 0;
    }

    /** Indexes of {@link #events}: what each counts. */
    public static final int GRANTED = 0, REFUSED = 1, LOST = 2, EXPIRED = 3;
    public static final List<String> EVENTS = List.of("granted", "refused", "lost", "expired");

    /** How often each of {@link #EVENTS} happened here since start. */
    public long events(int event) {
        return events.get(event);
    }

    /** Rooms whose lease this server holds now. */
    public int held() {
        return held.size();
    }

    /**
     * A span during which this server held a room's lease, in wall-clock milliseconds: from the command that granted
     * it to the moment {@link #valid} turned false (or will, while {@code ended} is false and renewals stop). What an
     * operator or the several-hosts fault suite (docs/several-hosts.md) reads to see that no room had two owners.
     */
    public record Holding(String room, long since, long until, boolean ended) {}

    /** The leases held here now, then the latest that ended (oldest first). */
    public List<Holding> holdings() {
        List<Holding> out = new java.util.ArrayList<>();
        held.forEach((room, until) -> out.add(new Holding(room, heldSince.getOrDefault(room, 0L), wallClockOf(until), false)));
        synchronized (ended) {
            out.addAll(ended);
        }
        return out;
    }

    private void ended(String room, long until) {
        Long since = heldSince.remove(room);
        long end = Math.min(System.currentTimeMillis(), wallClockOf(until));
        synchronized (ended) {
            if (ended.size() == ENDED_KEPT) {
                ended.removeFirst();
            }
            ended.addLast(new Holding(room, since == null ? 0L : since, end, true));
        }
    }

    private static long wallClockOf(long nanoTime) {
        return System.currentTimeMillis() + (nanoTime - System.nanoTime()) / 1_000_000;
    }

    private Mono<Void> markSince() {
        return redis.execute(MARK_SINCE, List.of(keys.leasesSince())).next().timeout(timeout).then()
                .onErrorResume(e -> Mono.empty());
    }

    private Mono<Void> renewAll() {
        return Flux.fromIterable(List.copyOf(held.keySet()))
                .flatMap(this::renew, 64)
                .then();
    }

    private Mono<Void> renew(String room) {
        return Mono.defer(() -> {
            long sent = System.nanoTime();
            return redis.execute(RENEW, List.of(keys.owner(room)), List.of(node, Long.toString(ttl.toMillis())))
                    .next().timeout(timeout)
                    .flatMap(result -> {
                        if (result != 0L) {
                            // Only extends a lease still held here: one that expired meanwhile stays expired.
                            held.computeIfPresent(room, (r, until) -> Math.max(until, sent + heldForNanos));
                            return Mono.<Void>empty();
                        }
                        Long until = held.remove(room);
                        if (until == null) {
                            return Mono.<Void>empty();
                        }
                        ended(room, until);
                        return owner(room).defaultIfEmpty("?").doOnNext(owner -> {
                            log.warn("lost the lease of room {} to {}", room, owner);
                            events.incrementAndGet(LOST);
                            listener.lost(room, owner);
                        }).then();
                    })
                    .onErrorResume(e -> Mono.empty());
        });
    }

    private void expireEnded() {
        long now = System.nanoTime();
        for (Map.Entry<String, Long> lease : held.entrySet()) {
            if (now - lease.getValue() >= 0 && held.remove(lease.getKey(), lease.getValue())) {
                ended(lease.getKey(), lease.getValue());
                log.warn("the lease of room {} was not renewed in time (Redis unreachable?): closing the room here",
                        lease.getKey());
                events.incrementAndGet(EXPIRED);
                listener.expired(lease.getKey());
            }
        }
    }

    /** Stops renewing and fencing without releasing, as a killed server would (tests). */
    void crash() {
        if (renewing != null) {
            renewing.dispose();
            fencing.dispose();
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
            fencing.dispose();
        }
        List<String> rooms = List.copyOf(held.keySet());
        try {
            Flux.fromIterable(rooms).concatMap(this::release).then().block(timeout.multipliedBy(2));
        } catch (RuntimeException e) {
            log.debug("leases not released on close: {}", e.toString());
        }
        // The last word on what this server held: its actuator stops answering during shutdown, so whoever checks
        // that no room had two owners (the fault suite, an operator after an incident) reads the spans here.
        if (!rooms.isEmpty()) {
            StringBuilder spans = new StringBuilder();
            for (Holding h : holdings()) {
                if (h.ended() && rooms.contains(h.room())) {
                    spans.append(spans.isEmpty() ? "" : " ").append(h.room()).append('@').append(h.since()).append('-').append(h.until());
                }
            }
            log.info("leases ended on shutdown (room@since-until, epoch ms): {}", spans);
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
