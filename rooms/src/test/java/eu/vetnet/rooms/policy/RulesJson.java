package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.crdt.encoding.Undefined;
import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.ContentAny;
import eu.vetnet.crdt.struct.ContentBinary;
import eu.vetnet.crdt.struct.ContentDoc;
import eu.vetnet.crdt.struct.ContentEmbed;
import eu.vetnet.crdt.struct.ContentFormat;
import eu.vetnet.crdt.struct.ContentJson;
import eu.vetnet.crdt.struct.ContentString;
import eu.vetnet.crdt.struct.ContentType;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.types.YType;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlHook;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a document holds, as the rules oracle reads it, rendered from the engine's own structures so that no root has
 * to be given a type (typing a root of the server's document would change it). The same rendering as
 * src/test/js/policy-oracle.mjs does for yjs: every root as {@code {"map": {key: value}, "list": [...]}}, nested
 * types with their {@code "type"} (and XML {@code "name"}), adjacent text merged, deleted content and empty roots
 * left out, values JSON cannot carry tagged ({@code $bin}, {@code $undef}, ...). Rendering both the map and the list
 * side of every type means content a participant smuggles into a side the app never reads still shows.
 */
final class RulesJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 200;

    private RulesJson() {
    }

    /** The document as JSON text. */
    static String render(YDoc doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, YType> root : doc.share().entrySet()) {
            Map<String, Object> r = type(root.getValue(), 0, true);
            if (r.containsKey("map") || r.containsKey("list")) {
                out.put(root.getKey(), r);
            }
        }
        return JsJson.stringify(out);
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /** Where two renderings first differ: the path and both values there (for reports), or null when they are equal. */
    static String difference(JsonNode a, JsonNode b) {
        return difference(a, b, "");
    }

    private static String difference(JsonNode a, JsonNode b, String path) {
        if (a == null || b == null || !a.isContainer() || !b.isContainer() || a.isArray() != b.isArray()) {
            return java.util.Objects.equals(a, b) ? null : "at " + (path.isEmpty() ? "/" : path) + ": " + cut(a) + " vs " + cut(b);
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        if (a.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                keys.add(String.format("%06d", i));
            }
        } else {
            keys.addAll(a.propertyNames());
            keys.addAll(b.propertyNames());
        }
        for (String k : keys) {
            JsonNode x = a.isArray() ? a.get(Integer.parseInt(k)) : a.get(k);
            JsonNode y = b.isArray() ? b.get(Integer.parseInt(k)) : b.get(k);
            String d = difference(x, y, path + "/" + (a.isArray() ? String.valueOf(Integer.parseInt(k)) : k));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String cut(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static Map<String, Object> type(YType type, int depth, boolean root) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (depth > MAX_DEPTH) {
            out.put("$tooDeep", true);
            return out;
        }
        if (!root) {
            out.put("type", type.getClass().getSimpleName());
            if (type instanceof YXmlElement e) {
                out.put("name", e.nodeName());
            } else if (type instanceof YXmlHook h) {
                out.put("name", h.hookName());
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Item> e : type.itemMap().entrySet()) {
            if (!e.getValue().isDeleted()) {
                map.put(e.getKey(), mapValue(e.getValue(), depth));
            }
        }
        List<Object> list = new ArrayList<>();
        for (Item n = type.start(); n != null; n = n.right()) {
            if (n.isDeleted()) {
                continue;
            }
            for (Object e : entries(n.content(), depth)) {
                if (e instanceof String s && !list.isEmpty() && list.get(list.size() - 1) instanceof String last) {
                    list.set(list.size() - 1, last + s);
                } else {
                    list.add(e);
                }
            }
        }
        if (!map.isEmpty()) {
            out.put("map", map);
        }
        if (!list.isEmpty()) {
            out.put("list", list);
        }
        return out;
    }

    private static Object mapValue(Item item, int depth) {
        if (item.content() instanceof ContentString s) {
            String str = s.string();
            return str.isEmpty() ? undef() : str.substring(str.length() - 1);
        }
        List<Object> all = entries(item.content(), depth);
        return all.isEmpty() ? undef() : all.get(all.size() - 1);
    }

    private static List<Object> entries(Content c, int depth) {
        if (c instanceof ContentString s) {
            return List.of(s.string());
        }
        if (c instanceof ContentAny || c instanceof ContentJson) {
            List<Object> out = new ArrayList<>();
            for (Object v : c.values()) {
                out.add(value(v));
            }
            return out;
        }
        if (c instanceof ContentType t) {
            return List.of(type(t.type(), depth + 1, false));
        }
        if (c instanceof ContentBinary) {
            return List.of(Map.of("$bin", Base64.getEncoder().encodeToString((byte[]) c.values().get(0))));
        }
        if (c instanceof ContentEmbed e) {
            return List.of(Map.of("$embed", value(e.embed())));
        }
        if (c instanceof ContentFormat f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("$format", f.key());
            m.put("value", value(f.value()));
            return List.of(m);
        }
        if (c instanceof ContentDoc d) {
            return List.of(Map.of("$doc", d.doc().guid()));
        }
        return List.of();
    }

    private static Map<String, Object> undef() {
        return Map.of("$undef", true);
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v) {
        if (v == Undefined.INSTANCE) {
            return undef();
        }
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof BigInteger b) {
            return Map.of("$bigint", b.toString());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? n : Map.of("$number", JsJson.numberToString(d));
        }
        if (v instanceof byte[] bytes) {
            return Map.of("$bin", Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(value(x)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, x) -> out.put(k, value(x)));
            return out;
        }
        return Map.of("$unknown", String.valueOf(v));
    }
}
