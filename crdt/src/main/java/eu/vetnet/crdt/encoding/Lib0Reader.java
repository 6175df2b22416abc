package eu.vetnet.crdt.encoding;

import java.math.BigInteger;

/**
 * The lib0 binary decoder, hardened: every read checks the bytes that remain, varints stop at 2^53 (what
 * JavaScript can count), and every length prefix is checked against the bytes left before anything is
 * allocated. All failures are {@link DecodingException}.
 */
public final class Lib0Reader {

    /** JavaScript's Number.MAX_SAFE_INTEGER: lib0 refuses varints above it. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private final byte[] arr;
    private final int end;
    private int pos;

    public Lib0Reader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public Lib0Reader(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("range outside the array");
        }
        this.arr = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    public boolean hasContent() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    public int position() {
        return pos;
    }

    public int readUint8() {
        if (pos >= end) {
            throw endOfBuffer();
        }
        return arr[pos++] & 0xFF;
    }

    public long readVarUint() {
        long num = 0;
        int shift = 0;
        while (pos < end) {
            int r = arr[pos++] & 0xFF;
            num |= (long) (r & 0x7F) << shift;
            if (r < 0x80) {
                if (num > MAX_SAFE_INTEGER) {
                    throw new DecodingException("varint above 2^53");
                }
                return num;
            }
            shift += 7;
            if (shift > 49) {
                throw new DecodingException("varint too long");
            }
        }
        throw endOfBuffer();
    }

    /** A varint that must fit an int, such as a count or a length. */
    public int readVarUintAsInt() {
        long v = readVarUint();
        if (v > Integer.MAX_VALUE) {
            throw new DecodingException("length " + v + " over the limit");
        }
        return (int) v;
    }

    /**
     * A count of things that each take at least {@code minBytesEach} bytes: refused when the bytes left
     * cannot hold that many, so a hostile prefix cannot make us allocate.
     */
    public int readCount(int minBytesEach) {
        long v = readVarUint();
        if (v > (long) remaining() / Math.max(1, minBytesEach)) {
            throw new DecodingException("count " + v + " exceeds the " + remaining() + " bytes left");
        }
        return (int) v;
    }

    public long readVarInt() {
        return readVarIntValue().longValue();
    }

    /** A signed varint as JavaScript reads it: a negative zero comes back as the double {@code -0.0}. */
    public Number readVarIntValue() {
        if (pos >= end) {
            throw endOfBuffer();
        }
        int r = arr[pos++] & 0xFF;
        long num = r & 0x3F;
        int shift = 6;
        boolean negative = (r & 0x40) != 0;
        if ((r & 0x80) != 0) {
            while (true) {
                if (pos >= end) {
                    throw endOfBuffer();
                }
                r = arr[pos++] & 0xFF;
                num |= (long) (r & 0x7F) << shift;
                if (r < 0x80) {
                    break;
                }
                shift += 7;
                if (shift > 48) {
                    throw new DecodingException("varint too long");
                }
            }
            if (num > MAX_SAFE_INTEGER) {
                throw new DecodingException("varint above 2^53");
            }
        }
        if (negative && num == 0) {
            return -0.0d;
        }
        return negative ? -num : num;
    }

    public byte[] readVarUint8Array() {
        int len = readVarUintAsInt();
        if (len > remaining()) {
            throw new DecodingException("byte array of " + len + " exceeds the " + remaining() + " bytes left");
        }
        byte[] out = new byte[len];
        System.arraycopy(arr, pos, out, 0, len);
        pos += len;
        return out;
    }

    public byte[] readBytes(int len) {
        if (len < 0 || len > remaining()) {
            throw endOfBuffer();
        }
        byte[] out = new byte[len];
        System.arraycopy(arr, pos, out, 0, len);
        pos += len;
        return out;
    }

    public String readVarString() {
        int len = readVarUintAsInt();
        if (len > remaining()) {
            throw new DecodingException("string of " + len + " bytes exceeds the " + remaining() + " bytes left");
        }
        int start = pos;
        int stop = start + len;
        int i = start;
        while (i < stop && arr[i] >= 0) {
            i++;
        }
        pos = stop;
        if (i == stop) {
            return new String(arr, start, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return Utf8.decode(arr, start, len);
    }

    public float readFloat32() {
        return Float.intBitsToFloat((int) readBigEndian(4));
    }

    public double readFloat64() {
        return Double.longBitsToDouble(readBigEndian(8));
    }

    public BigInteger readBigInt64() {
        return BigInteger.valueOf(readBigEndian(8));
    }

    private long readBigEndian(int bytes) {
        if (remaining() < bytes) {
            throw endOfBuffer();
        }
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (arr[pos++] & 0xFF);
        }
        return v;
    }

    public Object readAny() {
        return Any.read(this, 0);
    }

    private static DecodingException endOfBuffer() {
        return new DecodingException("unexpected end of buffer");
    }
}
