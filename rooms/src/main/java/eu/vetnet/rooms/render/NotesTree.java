package eu.vetnet.rooms.render;

import eu.vetnet.crdt.types.DeltaOp;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlFragment;
import eu.vetnet.crdt.types.YXmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The room's document as the writers read it: the Tiptap editor's ProseMirror nodes, stored by y-prosemirror in the
 * XML fragment {@code default} (element names are node types: paragraph, heading, bulletList, table...; attributes
 * are node attributes; marks are text attributes: bold, italic, strike, code, underline, link {href}). Read once into
 * plain records so the writers never touch the CRDT, and can run off the room's lane.
 */
public final class NotesTree {

    /** The fragment y-prosemirror writes to (frontend/src/notes/NotesEditor.tsx, {@code field: 'default'}). */
    public static final String FRAGMENT = "default";

    /** A node: an element with its attributes and children, or a run of text with its marks. */
    public sealed interface Node permits Element, Text {
    }

    public record Element(String name, Map<String, Object> attributes, List<Node> children) implements Node {
    }

    /** @param marks mark name → its attributes (a link's href), an empty map for marks without any */
    public record Text(String text, Map<String, Map<String, Object>> marks) implements Node {
    }

    private NotesTree() {
    }

    public static List<Node> read(YXmlFragment root) {
        List<Node> out = new ArrayList<>();
        for (Object child : root.toList()) {
            node(child, out);
        }
        return out;
    }

    private static void node(Object child, List<Node> out) {
        if (child instanceof YXmlElement e) {
            List<Node> children = new ArrayList<>();
            for (Object c : e.toList()) {
                node(c, children);
            }
            out.add(new Element(e.nodeName(), new LinkedHashMap<>(e.getAttributes()), children));
        } else if (child instanceof YXmlText t) {
            for (DeltaOp op : t.toDelta()) {
                if (op.insert() instanceof String s) {
                    out.add(new Text(s, marks(op.attributes())));
                }
            }
        }
    }

    private static Map<String, Map<String, Object>> marks(Map<String, Object> attributes) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((name, value) -> {
                Map<String, Object> attrs = new LinkedHashMap<>();
                if (value instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> attrs.put(String.valueOf(k), v));
                }
                if (value != null && !Boolean.FALSE.equals(value)) {
                    out.put(name, attrs);
                }
            });
        }
        return out;
    }

    /**
     * Writes nodes into a fragment at {@code index}, as y-prosemirror would have written them: elements with their
     * attributes, text runs with their marks (each run says all its marks, so none runs on from the one before).
     */
    public static void write(List<Node> nodes, YXmlFragment target, int index) {
        int at = index;
        YXmlText open = null;
        for (Node n : nodes) {
            if (n instanceof Element e) {
                YXmlElement element = new YXmlElement(e.name());
                target.insert(at++, List.of(element));
                e.attributes().forEach(element::setAttribute);
                write(e.children(), element, 0);
                open = null;
            } else if (n instanceof Text t) {
                if (open == null) {
                    open = new YXmlText();
                    target.insert(at++, List.of(open));
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (String mark : List.of("bold", "italic", "strike", "code", "underline", "link")) {
                    attributes.put(mark, null);
                }
                attributes.putAll(t.marks());
                open.insert(open.length(), t.text(), attributes);
            }
        }
    }

    /** All the text of some nodes, without markup: what a search or a test looks for. */
    public static String plain(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            if (n instanceof Text t) {
                sb.append(t.text());
            } else if (n instanceof Element e) {
                sb.append(plain(e.children()));
            }
        }
        return sb.toString();
    }

    static int intAttribute(Element e, String name, int fallback) {
        Object v = e.attributes().get(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s && s.matches("\\d{1,6}")) {
            return Integer.parseInt(s);
        }
        return fallback;
    }
}
