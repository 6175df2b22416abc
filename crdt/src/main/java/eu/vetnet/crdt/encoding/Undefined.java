package eu.vetnet.crdt.encoding;

/** JavaScript's {@code undefined}, which Yjs can store in arrays and maps (lib0 Any tag 127). */
public enum Undefined {
    INSTANCE;

    @Override
    public String toString() {
        return "undefined";
    }
}
