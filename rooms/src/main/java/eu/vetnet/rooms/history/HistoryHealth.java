package eu.vetnet.rooms.history;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The room server is healthy once its history store is ready (connected, schema applied): until then it refuses
 * every room with "not reachable yet", so reporting UP earlier made `./vetnet run` announce a product that turned the
 * first room away (seen in CI on a fresh Cassandra: the schema took 15 s). DOWN with the reason meanwhile.
 */
final class HistoryHealth implements HealthIndicator {

    private final HistoryDatabase database;

    HistoryHealth(HistoryDatabase database) {
        this.database = database;
    }

    @Override
    public Health health() {
        var ready = database.whenReady();
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            return Health.up().build();
        }
        return Health.down().withDetail("history", "Cassandra not reachable yet or its schema still being applied").build();
    }
}
