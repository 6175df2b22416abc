package eu.vetnet.crdt.inspect;

import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.Id;
import java.util.List;

/**
 * One thing an update does: inserts content into a type (under a map key, or into its list) or deletes
 * existing content. {@code parent} is the path of the type changed; {@code key} the map key, null for lists.
 * For deletions {@code author} is the client that created the deleted content.
 */
public record Touch(Kind kind, List<PathElement> parent, String key, Id id, Content content, long author) {

    /**
     * INSERT and DELETE change content; MISPLACED is content its place cannot hold as the update has it (a formatting
     * mark outside a text, neighbours that cross): a cautious server refuses it whoever sends it.
     */
    public enum Kind { INSERT, DELETE, MISPLACED }

    /** The root type's name. */
    public String root() {
        return ((PathElement.Root) parent.get(0)).name();
    }

    /** The path as text, for logs and errors: {@code workshop/agenda[3:12]/title}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (PathElement e : parent) {
            if (e instanceof PathElement.Root r) {
                sb.append(r.name());
            } else if (e instanceof PathElement.Key k) {
                sb.append('/').append(k.key());
            } else if (e instanceof PathElement.Element el) {
                sb.append('[').append(el.id()).append(']');
            }
        }
        if (key != null) {
            sb.append('/').append(key);
        }
        return kind.name().toLowerCase() + " " + sb;
    }
}
