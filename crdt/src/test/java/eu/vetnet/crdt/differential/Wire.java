package eu.vetnet.crdt.differential;

import eu.vetnet.crdt.encoding.Undefined;
import eu.vetnet.crdt.types.DeltaOp;
import eu.vetnet.crdt.types.YType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values between the oracle's JSON (bytes as {"$bin": base64}, big ints as {"$bigint": "..."}) and this
 * engine's Java values; and a comparison that treats 1 and 1.0 alike (JavaScript has one number type).
 */
public final class Wire {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Wire() {
    }

    public static Object fromWire(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode e : v) {
                out.add(fromWire(e));
            }
            return out;
        }
        if (v.isObject()) {
            List<String> keys = new ArrayList<>(v.propertyNames());
            if (keys.size() == 1 && keys.get(0).equals("$bin")) {
                return Base64.getDecoder().decode(v.get("$bin").asString());
            }
            if (keys.size() == 1 && keys.get(0).equals("$bigint")) {
                return new BigInteger(v.get("$bigint").asString());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : keys) {
                out.put(k, fromWire(v.get(k)));
            }
            return out;
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        return v.asDouble();
    }

    public static JsonNode toWire(Object v) {
        if (v == null || v == Undefined.INSTANCE) {
            return F.nullNode();
        }
        if (v instanceof YType t) {
            return toWire(t.toJson());
        }
        if (v instanceof eu.vetnet.crdt.YDoc sub) {
            // a subdocument shows as its guid, as the oracle shows it
            ObjectNode o = F.objectNode();
            o.put("$doc", sub.guid());
            return o;
        }
        if (v instanceof String s) {
            return F.stringNode(s);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof BigInteger big) {
            ObjectNode o = F.objectNode();
            o.put("$bigint", big.toString());
            return o;
        }
        if (v instanceof Number n) {
            return F.numberNode(n.doubleValue());
        }
        if (v instanceof byte[] bytes) {
            ObjectNode o = F.objectNode();
            o.put("$bin", Base64.getEncoder().encodeToString(bytes));
            return o;
        }
        if (v instanceof DeltaOp op) {
            return toWire(op.toJson());
        }
        if (v instanceof List<?> list) {
            ArrayNode a = F.arrayNode();
            for (Object o : list) {
                a.add(toWire(o));
            }
            return a;
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = F.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != Undefined.INSTANCE) {
                    o.set((String) e.getKey(), toWire(e.getValue()));
                }
            }
            return o;
        }
        throw new IllegalArgumentException("no wire form for " + v.getClass());
    }

    /** Deep copy with every number as a double, so that 1 and 1.0 compare equal. */
    public static JsonNode normalize(JsonNode v) {
        if (v.isNumber()) {
            return F.numberNode(v.asDouble());
        }
        if (v.isArray()) {
            ArrayNode a = F.arrayNode();
            for (JsonNode e : v) {
                a.add(normalize(e));
            }
            return a;
        }
        if (v.isObject()) {
            ObjectNode o = F.objectNode();
            for (String k : v.propertyNames()) {
                o.set(k, normalize(v.get(k)));
            }
            return o;
        }
        return v;
    }
}
