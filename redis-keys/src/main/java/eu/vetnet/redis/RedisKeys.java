package eu.vetnet.redis;

/**
 * Every Redis key and channel VET-NET's servers share (docs/history-and-presence.md, "Redis keys"): presence, the room
 * server registry and leases (room servers write them, the gateway reads them), notices between room servers, and live
 * notifications (the community server publishes them, room servers pass them on to each person's open app). Each
 * server reads the prefix from {@link #PREFIX_PROPERTY}.
 */
public record RedisKeys(String prefix) {

    /** The setting that holds the prefix, the same in every server. */
    public static final String PREFIX_PROPERTY = "vetnet.presence.key-prefix";
    /** The prefix when {@link #PREFIX_PROPERTY} is not set. */
    public static final String DEFAULT_PREFIX = "vetnet";
    /**
     * How often a gateway reads the registry ({@link #nodes()}) by default. A draining room server waits longer than
     * this between leaving the registry and releasing its leases, so that no gateway sends a reconnecting client back.
     */
    public static final java.time.Duration REGISTRY_REFRESH = java.time.Duration.ofSeconds(1);

    /** Keys under the default prefix. */
    public static RedisKeys defaults() {
        return new RedisKeys(DEFAULT_PREFIX);
    }

    /** SET of node ids that have heartbeated; members whose {@link #node} key is gone are dead and pruned. */
    public String nodes() {
        return prefix + ":nodes";
    }

    /** JSON {id, url, startedAt, heartbeatAt} of a live room server, with the heartbeat TTL. */
    public String node(String id) {
        return prefix + ":node:" + id;
    }

    /** JSON array of {@link PresenceEntry} of everyone on one room server, with the heartbeat TTL. */
    public String presence(String node) {
        return prefix + ":presence:" + node;
    }

    /** The node id owning a room (the lease), with the lease TTL. */
    public String owner(String roomId) {
        return prefix + ":room:" + roomId + ":owner";
    }

    /**
     * When this Redis first saw a room server (milliseconds of Redis's own clock, no TTL): no lease is granted until
     * one lease TTL after it, so a Redis that restarted empty gives the servers that held rooms before the time to
     * take their leases back before anyone else may (docs/history-and-presence.md, "Lease protocol").
     */
    public String leasesSince() {
        return prefix + ":leases-since";
    }

    /** Channel: a room id whose presence changed on some node (a hint to read again). */
    public String presenceChannel() {
        return prefix + ":presence-changes";
    }

    /** Channel: JSON notices between room servers (user removed, room archived, lease moved); hints only. */
    public String noticeChannel() {
        return prefix + ":notices";
    }

    /**
     * Channel: JSON {@code {"person", "notification"}} of each notification the community server writes, for the
     * person's open apps (at most once: the notification itself is in Cassandra, listed and e-mailed from there).
     */
    public String notificationChannel() {
        return prefix + ":notifications";
    }
}
