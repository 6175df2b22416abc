package eu.vetnet.rooms.presence;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/leases}: which rooms this server holds and held, with wall-clock spans (docs/history-and-presence.md,
 * "Lease protocol"). Inside the cluster only, like the metrics: gateways forward only /api/** and /ws/rooms/** here.
 * Two servers whose spans of one room overlap would be two owners; the several-hosts fault suite checks that none do.
 */
@Endpoint(id = "leases")
public final class LeasesEndpoint {

    private final String node;
    private final RoomLeases leases;

    public LeasesEndpoint(String node, RoomLeases leases) {
        this.node = node;
        this.leases = leases;
    }

    @ReadOperation
    public Map<String, Object> leases() {
        List<RoomLeases.Holding> holdings = leases.holdings();
        return Map.of("node", node, "now", System.currentTimeMillis(), "holdings", holdings);
    }
}
