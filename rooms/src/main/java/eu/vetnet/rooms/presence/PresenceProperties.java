package eu.vetnet.rooms.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vetnet.presence.*}: presence, the registry of room servers and room leases (docs/history-and-presence.md). */
@ConfigurationProperties("vetnet.presence")
public class PresenceProperties {

    /** Where presence lives. */
    public enum Store {
        /** Redis (spring.data.redis.*); while it cannot be reached, this server's own view, in-process. */
        REDIS,
        /** In-process only: one room server, no Redis (and no leases to share). */
        MEMORY
    }

    private Store store = Store.REDIS;
    /** This server's id in the registry; empty: host-pid-random, new on every start. */
    private String nodeId = "";
    /** The URL the gateway reaches this server at; empty: http://127.0.0.1:${server.port}. */
    private String advertisedUrl = "";
    /** How often this server writes its heartbeat and presence. */
    private Duration heartbeat = Duration.ofSeconds(2);
    /** How long a heartbeat lives: a server that died vanishes, with its presence, after this. */
    private Duration ttl = Duration.ofSeconds(6);
    /** How long a room lease lives without renewal (renewed every third of it): the time a room takes to move. */
    private Duration leaseTtl = Duration.ofSeconds(10);
    /**
     * How much earlier than Redis this server counts a room's lease as ended, and so stops acknowledging its updates:
     * a pause between that check and the acknowledgement, and clocks running at slightly different rates, must fit
     * in it. Under half the lease TTL.
     */
    private Duration leaseMargin = Duration.ofSeconds(1);
    /**
     * On drain, how long this server waits between leaving the registry and releasing its leases: at least one
     * registry refresh of the gateways (vetnet.gateway.rooms.registry-refresh, RedisKeys.REGISTRY_REFRESH), so none sends a reconnecting
     * client back here ("Drain on shutdown").
     */
    private Duration registryLeaveWait = eu.vetnet.redis.RedisKeys.REGISTRY_REFRESH.plusMillis(500);
    /** Prefix of every key and channel. */
    private String keyPrefix = eu.vetnet.redis.RedisKeys.DEFAULT_PREFIX;
    /** How long one Redis call may take before this server treats Redis as away. */
    private Duration commandTimeout = Duration.ofSeconds(1);

    public Store getStore() { return store; }
    public void setStore(Store v) { store = v; }
    public String getNodeId() { return nodeId; }
    public void setNodeId(String v) { nodeId = v; }
    public String getAdvertisedUrl() { return advertisedUrl; }
    public void setAdvertisedUrl(String v) { advertisedUrl = v; }
    public Duration getHeartbeat() { return heartbeat; }
    public void setHeartbeat(Duration v) { heartbeat = v; }
    public Duration getTtl() { return ttl; }
    public void setTtl(Duration v) { ttl = v; }
    public Duration getLeaseTtl() { return leaseTtl; }
    public void setLeaseTtl(Duration v) { leaseTtl = v; }
    public Duration getLeaseMargin() { return leaseMargin; }
    public void setLeaseMargin(Duration v) { leaseMargin = v; }
    public String getKeyPrefix() { return keyPrefix; }
    public void setKeyPrefix(String v) { keyPrefix = v; }
    public Duration getRegistryLeaveWait() { return registryLeaveWait; }
    public void setRegistryLeaveWait(Duration v) { registryLeaveWait = v; }
    public Duration getCommandTimeout() { return commandTimeout; }
    public void setCommandTimeout(Duration v) { commandTimeout = v; }
}
