package eu.vetnet.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** lib0 reads over a ByteBuffer without copying: what the harness needs to look inside received frames. */
final class Cursor {

    private final ByteBuffer b;
    private int pos;
    private final int end;

    Cursor(ByteBuffer b) {
        this.b = b;
        this.pos = b.position();
        this.end = b.limit();
    }

    int position() {
        return pos;
    }

    boolean hasContent() {
        return pos < end;
    }

    int readUint8() {
        if (pos >= end) {
            throw new IllegalArgumentException("unexpected end of message");
        }
        return b.get(pos++) & 0xFF;
    }

    long readVarUint() {
        long value = 0;
        int shift = 0;
        while (true) {
            int r = readUint8();
            value |= (long) (r & 0x7F) << shift;
            if (r < 0x80) {
                return value;
            }
            shift += 7;
            if (shift > 56) {
                throw new IllegalArgumentException("varuint too long");
            }
        }
    }

    int readVarInt() {
        int r = readUint8();
        long value = r & 0x3F;
        boolean negative = (r & 0x40) != 0;
        int shift = 6;
        while ((r & 0x80) != 0) {
            r = readUint8();
            value |= (long) (r & 0x7F) << shift;
            shift += 7;
        }
        return (int) (negative ? -value : value);
    }

    /** Skips {@code n} bytes. */
    void skip(long n) {
        if (n > end - pos) {
            throw new IllegalArgumentException("length over the bytes left");
        }
        pos += (int) n;
    }

    String readVarString() {
        int n = (int) readVarUint();
        if (n > end - pos) {
            throw new IllegalArgumentException("string over the bytes left");
        }
        String s = StandardCharsets.UTF_8.decode(b.slice(pos, n)).toString();
        pos += n;
        return s;
    }

    /** Skips a varString and returns its length in UTF-16 code units (what Yjs counts for string content). */
    int skipVarStringUtf16Length() {
        int n = (int) readVarUint();
        if (n > end - pos) {
            throw new IllegalArgumentException("string over the bytes left");
        }
        int units = 0;
        for (int i = pos; i < pos + n; i++) {
            int c = b.get(i) & 0xFF;
            if ((c & 0xC0) != 0x80) {
                units += c >= 0xF0 ? 2 : 1; // four-byte sequences are surrogate pairs in UTF-16
            }
        }
        pos += n;
        return units;
    }
}
