package eu.vetnet.crdt.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JSON.stringify} and {@code JSON.parse} with JavaScript's exact output, since Yjs writes embeds,
 * format values and legacy JSON content as JSON text inside updates: number formatting, escapes and key
 * order must match for the bytes to match.
 */
public final class JsJson {

    private JsJson() {
    }

    /** Returns null where JavaScript returns {@code undefined} (for undefined at the top level). */
    public static String stringify(Object value) {
        if (value == Undefined.INSTANCE) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, value, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, int depth) {
        if (depth > Any.MAX_DEPTH) {
            throw new IllegalArgumentException("value nested too deeply");
        }
        if (v == null || v == Undefined.INSTANCE) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof BigInteger) {
            throw new IllegalArgumentException("BigInt value can't be serialized in JSON");
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            sb.append(Double.isFinite(d) ? numberToString(d) : "null");
        } else if (v instanceof byte[] bytes) {
            // A Uint8Array stringifies as an object of its indices.
            sb.append('{');
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('"').append(i).append("\":").append(bytes[i] & 0xFF);
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, list.get(i), depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : Any.jsOrder(map).entrySet()) {
                if (e.getValue() == Undefined.INSTANCE) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, e.getKey());
                sb.append(':');
                append(sb, e.getValue(), depth + 1);
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON-like value: " + v.getClass().getName());
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** ECMAScript's Number::toString: the shortest digits that round-trip, in JavaScript's layout. */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (d == 0) {
            return "0";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d < 0) {
            return "-" + numberToString(-d);
        }
        if (d == Math.rint(d) && d < 9.007199254740992E15) {
            return Long.toString((long) d);
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        if (shortest == null) {
            shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        String digits = shortest.unscaledValue().toString();
        int trailing = 0;
        while (digits.length() - trailing > 1 && digits.charAt(digits.length() - 1 - trailing) == '0') {
            trailing++;
        }
        digits = digits.substring(0, digits.length() - trailing);
        int k = digits.length();
        // value = digits * 10^(n - k)
        int n = (int) (-(long) shortest.scale() + trailing + k);
        StringBuilder sb = new StringBuilder();
        if (k <= n && n <= 21) {
            sb.append(digits);
            sb.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e >= 0 ? "+" : "-").append(Math.abs(e));
        }
        return sb.toString();
    }

    /** {@code JSON.parse}; malformed text is a {@link DecodingException}. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.skipWs();
        Object v = p.value(0);
        p.skipWs();
        if (p.i != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        DecodingException error(String what) {
            return new DecodingException("invalid JSON at " + i + ": " + what);
        }

        void skipWs() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    i++;
                } else {
                    break;
                }
            }
        }

        Object value(int depth) {
            if (depth > Any.MAX_DEPTH) {
                throw error("nested too deeply");
            }
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> obj = new LinkedHashMap<>();
                    skipWs();
                    if (peek() == '}') {
                        i++;
                        return obj;
                    }
                    while (true) {
                        skipWs();
                        if (peek() != '"') {
                            throw error("expected a key");
                        }
                        String key = string();
                        skipWs();
                        expect(':');
                        skipWs();
                        Object v = value(depth + 1);
                        obj.remove(key); // JSON.parse keeps the last value but JS keeps the first position
                        obj.put(key, v);
                        skipWs();
                        char d = next();
                        if (d == '}') {
                            return Any.jsOrder(obj);
                        }
                        if (d != ',') {
                            throw error("expected , or }");
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> arr = new ArrayList<>();
                    skipWs();
                    if (peek() == ']') {
                        i++;
                        return arr;
                    }
                    while (true) {
                        skipWs();
                        arr.add(value(depth + 1));
                        skipWs();
                        char d = next();
                        if (d == ']') {
                            return arr;
                        }
                        if (d != ',') {
                            throw error("expected , or ]");
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    return number();
            }
        }

        char peek() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i);
        }

        char next() {
            char c = peek();
            i++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw error("unexpected token");
            }
            i += word.length();
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short unicode escape");
                        }
                        int cp = 0;
                        for (int k = 0; k < 4; k++) {
                            int h = Character.digit(s.charAt(i++), 16);
                            if (h < 0) {
                                throw error("bad unicode escape");
                            }
                            cp = cp * 16 + h;
                        }
                        sb.append((char) cp);
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        Object number() {
            int start = i;
            if (i < s.length() && s.charAt(i) == '-') {
                i++;
            }
            int intStart = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == intStart || (s.charAt(intStart) == '0' && i - intStart > 1)) {
                throw error("bad number");
            }
            boolean integral = true;
            if (i < s.length() && s.charAt(i) == '.') {
                integral = false;
                i++;
                int f = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == f) {
                    throw error("bad fraction");
                }
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                integral = false;
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                int f = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == f) {
                    throw error("bad exponent");
                }
            }
            String lit = s.substring(start, i);
            if (integral && i - intStart <= 15) {
                long v = Long.parseLong(lit);
                if (v == 0 && lit.startsWith("-")) {
                    return -0.0d;
                }
                return v;
            }
            return Double.parseDouble(lit);
        }
    }
}
