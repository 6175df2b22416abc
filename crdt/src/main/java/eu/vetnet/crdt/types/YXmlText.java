package eu.vetnet.crdt.types;

import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.ContentRefs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rich text inside an XML tree; its formatting attributes print as nested tags. */
public final class YXmlText extends YText {

    @Override
    public YType emptyCopy() {
        return new YXmlText();
    }

    @Override
    public String toString() {
        if (doc == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (DeltaOp op : toDelta()) {
            List<String> nodeNames = new ArrayList<>();
            Map<String, Object> attrs = op.attributes() == null ? Map.of() : op.attributes();
            nodeNames.addAll(attrs.keySet());
            nodeNames.sort(null);
            StringBuilder open = new StringBuilder();
            for (String node : nodeNames) {
                open.append('<').append(node);
                for (Map.Entry<String, Object> attr : forInEntries(attrs.get(node))) {
                    open.append(' ').append(attr.getKey()).append("=\"").append(YXmlElement.jsString(attr.getValue())).append('"');
                }
                open.append('>');
            }
            out.append(open);
            Object insert = op.insert();
            out.append(insert instanceof String s ? s : YXmlElement.jsString(insert instanceof YType t ? t.toString() : insert));
            for (int i = nodeNames.size() - 1; i >= 0; i--) {
                out.append("</").append(nodeNames.get(i)).append('>');
            }
        }
        return out.toString();
    }

    /**
     * What JavaScript's {@code for (key in value)} yields, sorted by key as Yjs sorts them: an object's
     * properties, a string's or array's indices (so {@code color: "red"} prints as {@code 0="r" 1="e" 2="d"}),
     * nothing for other values.
     */
    private static List<Map.Entry<String, Object>> forInEntries(Object value) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.add(Map.entry((String) e.getKey(), e.getValue() == null ? "null" : e.getValue()));
            }
        } else if (value instanceof String str) {
            for (int i = 0; i < str.length(); i++) {
                out.add(Map.entry(Integer.toString(i), String.valueOf(str.charAt(i))));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(Map.entry(Integer.toString(i), list.get(i) == null ? "null" : list.get(i)));
            }
        }
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    @Override
    public Object toJson() {
        return toString();
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        encoder.writeTypeRef(ContentRefs.TYPE_XML_TEXT);
    }
}
