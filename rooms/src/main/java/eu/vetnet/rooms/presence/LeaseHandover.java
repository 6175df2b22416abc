package eu.vetnet.rooms.presence;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of a drain, before the room server stores its rooms and closes their sockets: leave the registry,
 * wait until every gateway has read the registry again ({@code vetnet.presence.registry-leave-wait}, at least the
 * gateways' {@code vetnet.gateway.rooms.registry-refresh}), then release every lease. The clients closed a moment later
 * reconnect once, straight to the server that takes each room: no gateway sends them back here, and no other server is
 * refused because this one still holds the room (docs/history-and-presence.md, "Drain on shutdown"). Updates that arrive
 * between the release and the close are not acknowledged here (LeaseFence); their authors send them again.
 */
public final class LeaseHandover {

    private static final Logger log = LoggerFactory.getLogger(LeaseHandover.class);

    private final RedisPresence presence;
    private final RoomLeases leases;
    private final Duration leaveWait;

    public LeaseHandover(RedisPresence presence, RoomLeases leases, Duration leaveWait) {
        this.presence = presence;
        this.leases = leases;
        this.leaveWait = leaveWait;
    }

    public void handOver() {
        int held = leases.held();
        presence.close();
        if (held > 0) {
            try {
                Thread.sleep(leaveWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leases.close();
        log.info("drain: left the registry and released {} room leases before closing the rooms", held);
    }
}
