package eu.vetnet.rooms.presence;

/** Every Redis key and channel of presence, the registry and leases (docs/history-and-presence.md lists them). */
public record RedisKeys(String prefix) {

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

    /** Channel: a room id whose presence changed on some node (a hint to read again). */
    public String presenceChannel() {
        return prefix + ":presence-changes";
    }

    /** Channel: JSON notices between room servers (user removed, room archived, lease moved); hints only. */
    public String noticeChannel() {
        return prefix + ":notices";
    }
}
