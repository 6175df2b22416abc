package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.inspect.PathElement;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.struct.ContentAny;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.types.YMap;
import java.util.List;

/** Small readers over touches shared by the policies. */
final class Touches {

    private Touches() {
    }

    /** The map key at {@code index} of the touch's parent path, or null when that step is not a map key. */
    static String keyAt(Touch t, int index) {
        List<PathElement> p = t.parent();
        return index < p.size() && p.get(index) instanceof PathElement.Key k ? k.key() : null;
    }

    /** The single plain value an insertion writes, or null. */
    static Object value(Touch t) {
        if (t.content() instanceof ContentAny any && any.values().size() == 1) {
            return any.values().get(0);
        }
        return null;
    }

    /** The map an insertion or deletion carries as its value, or null. */
    static YMap map(Touch t) {
        return t.content() instanceof ContentType ct && ct.type() instanceof YMap m ? m : null;
    }
}
