package eu.vetnet.bench.load;

import java.util.HashMap;
import java.util.Map;

/**
 * Matches what clients receive to what was sent: each sent update is known by the id of its first struct, so a
 * received message (merged or not) is walked and every update inside it found. Loop thread only.
 */
final class Recorder {

    private final Map<Long, LoadClient> senders = new HashMap<>();
    LatencyHistogram latency = new LatencyHistogram();
    /** Sends before this nanoTime belong to an earlier step: their late deliveries are not counted again. */
    long measureFrom;
    /** Deliveries of measured updates to clients other than their sender. */
    long delivered;
    /** Deliveries (of any update) that happened inside the measurement window. */
    long deliveredInWindow;
    boolean windowOpen;
    long refused;
    String firstRefusal;

    void reset(long from) {
        latency = new LatencyHistogram();
        measureFrom = from;
        delivered = 0;
        deliveredInWindow = 0;
        refused = 0;
        firstRefusal = null;
    }

    void register(LoadClient c) {
        senders.put(c.clientId(), c);
    }

    void received(LoadClient receiver, long client, long clock, int length, long now) {
        if (client == receiver.clientId()) {
            return; // an echo of the receiver's own update (Hocuspocus sends them back); not a delivery
        }
        LoadClient sender = senders.get(client);
        if (sender == null) {
            return;
        }
        for (long c = clock; c < clock + length; c++) {
            long sentAt = sender.sentAt(c);
            if (sentAt != 0) {
                if (sentAt >= measureFrom) {
                    latency.record((now - sentAt) / 1000);
                    delivered++;
                }
                if (windowOpen) {
                    deliveredInWindow++;
                }
            }
        }
    }
}
