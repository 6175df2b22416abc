package eu.vetnet.crdt.differential;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.DeltaOp;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YType;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlFragment;
import eu.vetnet.crdt.types.YXmlHook;
import eu.vetnet.crdt.types.YXmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Java document driven by the oracle's op language, reporting its state in the oracle's JSON shape, so
 * that a Java replica and a yjs or ywasm replica can be run side by side and compared.
 */
public final class JavaReplica {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final YDoc doc;
    private final List<byte[]> emitted = new ArrayList<>();

    public JavaReplica(long clientId, boolean gc) {
        doc = new YDoc(YDoc.Options.defaults().withClientId(clientId).withGc(gc));
        doc.getText("text");
        doc.getMap("map");
        doc.getArray("array");
        doc.getXmlFragment("xml");
        doc.onUpdate((u, origin, t) -> emitted.add(u));
    }

    public YDoc doc() {
        return doc;
    }

    /** Every update this replica emitted since the last call (its own edits and its clean-ups). */
    public List<byte[]> drainEmitted() {
        List<byte[]> out = new ArrayList<>(emitted);
        emitted.clear();
        return out;
    }

    public void apply(byte[] update) {
        doc.applyUpdate(update);
    }

    /** Runs one op in one transaction; returns the update it produced (null when it changed nothing). */
    public byte[] op(JsonNode op) {
        int before = emitted.size();
        doc.transact(t -> run(op));
        byte[] update = emitted.size() > before ? emitted.get(before) : null;
        return update;
    }

    private YType resolve(JsonNode path) {
        YType t = switch (path.get(0).asString()) {
            case "text" -> doc.getText("text");
            case "map" -> doc.getMap("map");
            case "array" -> doc.getArray("array");
            case "xml" -> doc.getXmlFragment("xml");
            default -> throw new IllegalArgumentException("unknown root " + path.get(0));
        };
        for (int i = 1; i < path.size(); i++) {
            JsonNode step = path.get(i);
            Object next;
            if (t instanceof YMap m) {
                next = m.get(step.isString() ? step.asString() : step.toString());
            } else if (t instanceof YArray a) {
                next = a.get(step.asInt());
            } else if (t instanceof YXmlFragment f) {
                next = f.get(step.asInt());
            } else {
                throw new IllegalArgumentException("path walks into " + t.getClass().getSimpleName());
            }
            if (!(next instanceof YType)) {
                throw new IllegalArgumentException("path does not lead to a shared type: " + path);
            }
            t = (YType) next;
        }
        return t;
    }

    private static YType newType(String type, JsonNode op) {
        return switch (type) {
            case "map" -> new YMap();
            case "array" -> new YArray();
            case "text" -> new YText();
            case "xmlText" -> new YXmlText();
            case "xmlElement" -> new YXmlElement(op.has("nodeName") ? op.get("nodeName").asString() : "p");
            case "xmlFragment" -> new YXmlFragment();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attrs(JsonNode op, String field) {
        return op.has(field) && !op.get(field).isNull() ? (Map<String, Object>) Wire.fromWire(op.get(field)) : null;
    }

    private void run(JsonNode op) {
        YType t = resolve(op.get("path"));
        String kind = op.get("kind").asString();
        switch (kind) {
            case "textInsert" -> ((YText) t).insert(op.get("index").asInt(), op.get("text").asString(), attrs(op, "attrs"));
            case "textDelete" -> ((YText) t).delete(op.get("index").asInt(), op.get("len").asInt());
            case "textFormat" -> ((YText) t).format(op.get("index").asInt(), op.get("len").asInt(), attrs(op, "attrs"));
            case "textInsertEmbed" -> ((YText) t).insertEmbed(op.get("index").asInt(), Wire.fromWire(op.get("embed")), attrs(op, "attrs"));
            case "mapSet" -> ((YMap) t).set(op.get("key").asString(), Wire.fromWire(op.get("value")));
            case "mapDelete" -> ((YMap) t).delete(op.get("key").asString());
            case "mapSetType" -> ((YMap) t).set(op.get("key").asString(), newType(op.get("type").asString(), op));
            case "arrayInsert" -> ((YArray) t).insert(op.get("index").asInt(), (List<?>) Wire.fromWire(op.get("values")));
            case "arrayDelete" -> ((YArray) t).delete(op.get("index").asInt(), op.get("len").asInt());
            case "arrayInsertType" -> ((YArray) t).insert(op.get("index").asInt(), List.of(newType(op.get("type").asString(), op)));
            case "xmlInsertElement" -> ((YXmlFragment) t).insert(op.get("index").asInt(), List.of(new YXmlElement(op.get("nodeName").asString())));
            case "xmlInsertText" -> {
                YXmlText xt = new YXmlText();
                ((YXmlFragment) t).insert(op.get("index").asInt(), List.of(xt));
                if (op.has("text") && !op.get("text").asString().isEmpty()) {
                    xt.insert(0, op.get("text").asString());
                }
            }
            case "xmlSetAttribute" -> {
                Object value = Wire.fromWire(op.get("value"));
                if (t instanceof YXmlElement e) {
                    e.setAttribute(op.get("key").asString(), value);
                } else {
                    ((YText) t).setAttribute(op.get("key").asString(), value);
                }
            }
            case "xmlDelete" -> ((YXmlFragment) t).delete(op.get("index").asInt(), op.get("len").asInt());
            default -> throw new IllegalArgumentException("unknown op kind " + kind);
        }
    }

    /** The state in the oracle's {@code json} shape. */
    public ObjectNode json() {
        ObjectNode out = F.objectNode();
        YText text = doc.getText("text");
        ObjectNode textNode = F.objectNode();
        textNode.put("string", text.toString());
        textNode.set("delta", delta(text.toDelta()));
        out.set("text", textNode);
        out.set("map", Wire.toWire(doc.getMap("map").toJson()));
        out.set("array", Wire.toWire(doc.getArray("array").toJson()));
        YXmlFragment xml = doc.getXmlFragment("xml");
        ObjectNode xmlNode = F.objectNode();
        xmlNode.put("string", xml.toString());
        xmlNode.put("json", xml.toString());
        xmlNode.set("tree", tree(xml));
        out.set("xml", xmlNode);
        return out;
    }

    private static ArrayNode delta(List<DeltaOp> ops) {
        ArrayNode a = F.arrayNode();
        for (DeltaOp op : ops) {
            a.add(Wire.toWire(op.toJson()));
        }
        return a;
    }

    private static ArrayNode tree(YXmlFragment parent) {
        ArrayNode a = F.arrayNode();
        for (Object node : parent.toList()) {
            ObjectNode n = F.objectNode();
            if (node instanceof YXmlText xt) {
                n.set("text", delta(xt.toDelta()));
                n.set("attrs", Wire.toWire(xt.getAttributes()));
            } else if (node instanceof YXmlElement e) {
                n.put("element", e.nodeName());
                n.set("attrs", Wire.toWire(e.getAttributes()));
                n.set("children", tree(e));
            } else if (node instanceof YXmlHook h) {
                n.put("hook", h.hookName());
                n.set("json", Wire.toWire(h.toJson()));
            } else {
                n.put("other", node == null ? "null" : node.getClass().getSimpleName());
            }
            a.add(n);
        }
        return a;
    }
}
