package eu.vetnet.crdt.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copy-on-write state vector of one transaction: the clock each client had when the transaction started,
 * recorded the first time the client's structs grow. Yjs copies the whole state vector at the start and the
 * end of every transaction; with many clients that copy dominated the cost of a small edit.
 */
public final class StateTracker {

    private final Map<Long, Long> before = new LinkedHashMap<>(4);
    private long lastClient = -1;

    void note(long client, long oldState) {
        if (client != lastClient) {
            before.putIfAbsent(client, oldState);
            lastClient = client;
        }
    }

    /** Clients whose structs grew since the transaction started, with their clock then. */
    public Map<Long, Long> touched() {
        return before;
    }
}
