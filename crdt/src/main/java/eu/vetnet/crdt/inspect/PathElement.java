package eu.vetnet.crdt.inspect;

import eu.vetnet.crdt.struct.Id;

/** One step from a document's root to a nested type: the root's name, a map key, or a list element. */
public sealed interface PathElement {

    record Root(String name) implements PathElement {
    }

    record Key(String key) implements PathElement {
    }

    /** An element of a list, named by the id of the item that holds it (indices shift; ids do not). */
    record Element(Id id) implements PathElement {
    }
}
