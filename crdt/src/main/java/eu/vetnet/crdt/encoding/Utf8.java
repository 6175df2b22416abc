package eu.vetnet.crdt.encoding;

/**
 * UTF-8 as the browser's TextEncoder and fatal TextDecoder do it. Java's own encoder turns a lone surrogate
 * into '?', the browser into U+FFFD: Yjs documents can hold lone surrogates (a split emoji), so the bytes
 * would differ.
 */
final class Utf8 {

    private Utf8() {
    }

    static int encodedLength(String s) {
        int len = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len += 1;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 4;
                i++;
            } else {
                len += 3; // BMP char, or a lone surrogate written as U+FFFD
            }
        }
        return len;
    }

    static int encode(String s, byte[] out, int pos) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    out[pos++] = (byte) (0xF0 | (cp >> 18));
                    out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[pos++] = (byte) 0xEF;
                    out[pos++] = (byte) 0xBF;
                    out[pos++] = (byte) 0xBD;
                }
            } else {
                out[pos++] = (byte) (0xE0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    /** Strict decoding, like lib0's {@code TextDecoder('utf-8', {fatal: true, ignoreBOM: true})}. */
    static String decode(byte[] in, int offset, int length) {
        char[] out = new char[length];
        int n = 0;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = in[i] & 0xFF;
            if (b < 0x80) {
                out[n++] = (char) b;
                i++;
                continue;
            }
            int cp;
            int need;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                cp = b & 0x1F;
                need = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                cp = b & 0x0F;
                need = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                cp = b & 0x07;
                need = 3;
                min = 0x10000;
            } else {
                throw invalid();
            }
            if (i + need >= end) {
                throw invalid();
            }
            for (int k = 1; k <= need; k++) {
                int c = in[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    throw invalid();
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw invalid();
            }
            i += need + 1;
            if (cp >= 0x10000) {
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
            } else {
                out[n++] = (char) cp;
            }
        }
        return new String(out, 0, n);
    }

    private static DecodingException invalid() {
        return new DecodingException("invalid UTF-8 in a string");
    }
}
