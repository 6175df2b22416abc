package eu.vetnet.rooms.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Small helpers for writing SVG by hand: numbers as SVG reads them, text safe inside XML. */
final class Svg {

    private Svg() {
    }

    /** A number with at most two decimals and never in exponent form. */
    static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Text for an element or an attribute: XML's five specials escaped, characters XML 1.0 forbids left out. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (allowed) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
