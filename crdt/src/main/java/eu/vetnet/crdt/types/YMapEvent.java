package eu.vetnet.crdt.types;

import eu.vetnet.crdt.Transaction;
import java.util.Set;

/** A change to a map: which keys. */
public final class YMapEvent extends YEvent {

    private final Set<String> keysChanged;

    YMapEvent(YType target, Transaction transaction, Set<String> keysChanged) {
        super(target, transaction);
        this.keysChanged = keysChanged;
    }

    public Set<String> keysChanged() {
        return keysChanged;
    }
}
