package eu.vetnet.crdt.struct;

/**
 * Where a decoded item says its parent is, before the item is integrated: a root type's name, or the id of
 * the item that holds the parent type. Items inside a document point to their type directly instead.
 */
public sealed interface ParentRef {

    record Named(String name) implements ParentRef {
    }

    record ById(Id id) implements ParentRef {
    }
}
