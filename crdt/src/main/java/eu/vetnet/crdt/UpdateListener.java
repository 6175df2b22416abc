package eu.vetnet.crdt;

/** Receives the v1 update bytes each transaction produced (only transactions that changed something). */
@FunctionalInterface
public interface UpdateListener {

    void onUpdate(byte[] update, Object origin, Transaction transaction);
}
