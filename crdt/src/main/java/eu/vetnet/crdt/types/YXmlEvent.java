package eu.vetnet.crdt.types;

import eu.vetnet.crdt.Transaction;
import java.util.HashSet;
import java.util.Set;

/** A change to an XML node: its children, its attributes, or both. */
public final class YXmlEvent extends YEvent {

    private boolean childListChanged;
    private final Set<String> attributesChanged = new HashSet<>();

    YXmlEvent(YType target, Set<String> subs, Transaction transaction) {
        super(target, transaction);
        for (String sub : subs) {
            if (sub == null) {
                childListChanged = true;
            } else {
                attributesChanged.add(sub);
            }
        }
    }

    public boolean childListChanged() {
        return childListChanged;
    }

    public Set<String> attributesChanged() {
        return attributesChanged;
    }
}
