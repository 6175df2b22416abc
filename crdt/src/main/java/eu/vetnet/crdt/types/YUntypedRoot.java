package eu.vetnet.crdt.types;

import eu.vetnet.crdt.encoding.UpdateEncoder;

/**
 * A root type that an update names before anyone asked for it by kind. It holds the items until a typed
 * accessor ({@code getText}, {@code getMap}...) takes them over.
 */
public final class YUntypedRoot extends YType {

    @Override
    public YType emptyCopy() {
        return new YUntypedRoot();
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        throw new IllegalStateException("an untyped root is never nested");
    }

    /** Yjs's AbstractType has no JSON form; a map view is the most useful reading of unknown content. */
    @Override
    public Object toJson() {
        return null;
    }
}
