package eu.vetnet.crdt.encoding;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript values as this engine holds them, and lib0's tagged {@code Any} encoding of them.
 *
 * <p>The Java shapes: {@code null}, {@link Undefined}, {@link Boolean}, {@link String}, numbers ({@link Long}
 * and {@link Double} on decode; any {@link Number} accepted on write), {@link BigInteger} (bigint),
 * {@code byte[]} (Uint8Array), {@link List} (array) and {@link Map} with String keys (object). Decoded objects
 * keep JavaScript's property order (integer-like keys first, ascending), because re-encoding them must give
 * the bytes Yjs gives.
 */
public final class Any {

    /** Nesting deeper than this is refused on decode: JavaScript would overflow its stack well before. */
    public static final int MAX_DEPTH = 512;

    private static final int TAG_UNDEFINED = 127;
    private static final int TAG_NULL = 126;
    private static final int TAG_INTEGER = 125;
    private static final int TAG_FLOAT32 = 124;
    private static final int TAG_FLOAT64 = 123;
    private static final int TAG_BIGINT = 122;
    private static final int TAG_FALSE = 121;
    private static final int TAG_TRUE = 120;
    private static final int TAG_STRING = 119;
    private static final int TAG_OBJECT = 118;
    private static final int TAG_ARRAY = 117;
    private static final int TAG_BINARY = 116;

    private Any() {
    }

    static void write(Lib0Writer w, Object value) {
        if (value == null) {
            w.writeUint8(TAG_NULL);
        } else if (value instanceof String s) {
            w.writeUint8(TAG_STRING);
            w.writeVarString(s);
        } else if (value instanceof Boolean b) {
            w.writeUint8(b ? TAG_TRUE : TAG_FALSE);
        } else if (value instanceof BigInteger big) {
            w.writeUint8(TAG_BIGINT);
            w.writeBigInt64(big);
        } else if (value instanceof Number n) {
            writeNumber(w, n.doubleValue());
        } else if (value instanceof byte[] bytes) {
            w.writeUint8(TAG_BINARY);
            w.writeVarUint8Array(bytes);
        } else if (value instanceof List<?> list) {
            w.writeUint8(TAG_ARRAY);
            w.writeVarUint(list.size());
            for (Object o : list) {
                write(w, o);
            }
        } else if (value instanceof Map<?, ?> map) {
            w.writeUint8(TAG_OBJECT);
            Map<String, Object> ordered = jsOrder(map);
            w.writeVarUint(ordered.size());
            for (Map.Entry<String, Object> e : ordered.entrySet()) {
                w.writeVarString(e.getKey());
                write(w, e.getValue());
            }
        } else if (value == Undefined.INSTANCE) {
            w.writeUint8(TAG_UNDEFINED);
        } else {
            throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
        }
    }

    /** lib0 picks the tag from the value, as JavaScript has a single number type. */
    private static void writeNumber(Lib0Writer w, double d) {
        if (isInteger(d) && Math.abs(d) <= 0x7FFFFFFF) {
            w.writeUint8(TAG_INTEGER);
            boolean negativeZero = d == 0 && Double.doubleToRawLongBits(d) != 0;
            w.writeVarInt((long) Math.abs(d), d < 0 || negativeZero);
        } else if ((double) (float) d == d) { // NaN fails this test in JavaScript too, and goes to float64
            w.writeUint8(TAG_FLOAT32);
            w.writeFloat32((float) d);
        } else {
            w.writeUint8(TAG_FLOAT64);
            w.writeFloat64(d);
        }
    }

    private static boolean isInteger(double d) {
        return !Double.isInfinite(d) && Math.floor(d) == d;
    }

    static Object read(Lib0Reader r, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DecodingException("value nested deeper than " + MAX_DEPTH);
        }
        int tag = r.readUint8();
        switch (tag) {
            case TAG_UNDEFINED:
                return Undefined.INSTANCE;
            case TAG_NULL:
                return null;
            case TAG_INTEGER:
                return r.readVarIntValue();
            case TAG_FLOAT32:
                return (double) r.readFloat32();
            case TAG_FLOAT64:
                return r.readFloat64();
            case TAG_BIGINT:
                return r.readBigInt64();
            case TAG_FALSE:
                return Boolean.FALSE;
            case TAG_TRUE:
                return Boolean.TRUE;
            case TAG_STRING:
                return r.readVarString();
            case TAG_OBJECT: {
                int len = r.readCount(2);
                Map<String, Object> obj = new LinkedHashMap<>();
                for (int i = 0; i < len; i++) {
                    String key = r.readVarString();
                    obj.put(key, read(r, depth + 1));
                }
                return jsOrder(obj);
            }
            case TAG_ARRAY: {
                int len = r.readCount(1);
                List<Object> arr = new ArrayList<>(len);
                for (int i = 0; i < len; i++) {
                    arr.add(read(r, depth + 1));
                }
                return arr;
            }
            case TAG_BINARY:
                return r.readVarUint8Array();
            default:
                throw new DecodingException("unknown value tag " + tag);
        }
    }

    /**
     * JavaScript's own property order: keys that are array indices (canonical integers below 2^32 - 1)
     * first, ascending, then the others in insertion order.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jsOrder(Map<?, ?> map) {
        boolean hasIndex = false;
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException("object keys must be strings, got " + k);
            }
            if (arrayIndex((String) k) >= 0) {
                hasIndex = true;
                break;
            }
        }
        if (!hasIndex) {
            return (Map<String, Object>) map;
        }
        List<String> indices = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object k : map.keySet()) {
            if (arrayIndex((String) k) >= 0) {
                indices.add((String) k);
            }
        }
        indices.sort((a, b) -> Long.compare(arrayIndex(a), arrayIndex(b)));
        for (String k : indices) {
            out.put(k, map.get(k));
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (arrayIndex((String) e.getKey()) < 0) {
                out.put((String) e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static long arrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < 0xFFFFFFFFL ? v : -1;
    }

    /** JavaScript's {@code ===}: numbers by value, strings by content, objects and arrays by identity. */
    public static boolean strictEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof String || a instanceof Boolean || a instanceof BigInteger) {
            return a.equals(b);
        }
        return false;
    }

    /** Yjs's {@code equalAttrs}: strict equality, or two objects whose own properties are strictly equal. */
    public static boolean equalAttrs(Object a, Object b) {
        if (strictEquals(a, b)) {
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !strictEquals(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!strictEquals(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Checks that a value has one of the Java shapes listed above, so a bad value fails at the call site. */
    public static void requireValid(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
                || value instanceof byte[] || value == Undefined.INSTANCE) { // Number includes BigInteger (bigint)
            return;
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                requireValid(o);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("object keys must be strings, got " + e.getKey());
                }
                requireValid(e.getValue());
            }
            return;
        }
        throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
    }

}
