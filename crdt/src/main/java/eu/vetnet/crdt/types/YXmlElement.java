package eu.vetnet.crdt.types;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.ContentRefs;
import eu.vetnet.crdt.struct.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An XML element: a node name, attributes (a map) and children (a list). */
public class YXmlElement extends YXmlFragment {

    private final String nodeName;
    private Map<String, Object> prelimAttrs = new LinkedHashMap<>();

    public YXmlElement(String nodeName) {
        this.nodeName = nodeName;
    }

    public String nodeName() {
        return nodeName;
    }

    @Override
    public void integrate(YDoc doc, Item item) {
        super.integrate(doc, item);
        Map<String, Object> attrs = prelimAttrs;
        prelimAttrs = null;
        if (attrs != null) {
            for (Map.Entry<String, Object> e : attrs.entrySet()) {
                setAttribute(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public YType emptyCopy() {
        return new YXmlElement(nodeName);
    }

    public void setAttribute(String name, Object value) {
        if (doc == null) {
            prelimAttrs.put(name, value);
            return;
        }
        doc.transact(t -> MapOps.set(t, this, name, value));
    }

    public void removeAttribute(String name) {
        if (doc == null) {
            prelimAttrs.remove(name);
            return;
        }
        doc.transact(t -> MapOps.delete(t, this, name));
    }

    public Object getAttribute(String name) {
        return MapOps.get(this, name);
    }

    public boolean hasAttribute(String name) {
        return MapOps.has(this, name);
    }

    public Map<String, Object> getAttributes() {
        return MapOps.getAll(this);
    }

    /** Like Yjs: attributes sorted by name, node name in lower case, children inside. */
    @Override
    public String toString() {
        Map<String, Object> attrs = getAttributes();
        List<String> keys = new ArrayList<>(attrs.keySet());
        Collections.sort(keys);
        StringBuilder sb = new StringBuilder();
        String name = nodeName.toLowerCase(Locale.ROOT);
        sb.append('<').append(name);
        for (String key : keys) {
            sb.append(' ').append(key).append("=\"").append(jsString(attrs.get(key))).append('"');
        }
        sb.append('>').append(super.toString()).append("</").append(name).append('>');
        return sb.toString();
    }

    /** JavaScript's String(value) for the attribute values Yjs prints. */
    static String jsString(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number n && !(v instanceof java.math.BigInteger)) {
            return JsJson.numberToString(n.doubleValue());
        }
        if (v instanceof Map) {
            return "[object Object]";
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object o = list.get(i);
                sb.append(o == null ? "" : jsString(o));
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }

    @Override
    public void writeTypeRef(UpdateEncoder encoder) {
        encoder.writeTypeRef(ContentRefs.TYPE_XML_ELEMENT);
        encoder.writeKey(nodeName);
    }
}
