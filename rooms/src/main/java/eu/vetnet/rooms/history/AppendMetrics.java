package eu.vetnet.rooms.history;

/**
 * What the update log tells operators' metrics (bound to Micrometer in {@code HistoryConfiguration}; docs/operations.md,
 * "Watching VET-NET"): how long each append took from its acceptance to Cassandra's acknowledgement, and which failed.
 */
public interface AppendMetrics {

    AppendMetrics NONE = new AppendMetrics() {
        @Override
        public void stored(long nanos) {
        }

        @Override
        public void failed() {
        }
    };

    /** One append was acknowledged {@code nanos} after it was accepted (group wait and retries included). */
    void stored(long nanos);

    /** One append failed for good (after its retries): its update was not broadcast. */
    void failed();
}
