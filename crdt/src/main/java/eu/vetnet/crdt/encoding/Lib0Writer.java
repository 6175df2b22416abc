package eu.vetnet.crdt.encoding;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The lib0 binary encoder that Yjs writes with: variable-length integers, strings as UTF-8 with a length
 * prefix, and the tagged {@code Any} values. Numbers are written with JavaScript's rules so that bytes match.
 */
public final class Lib0Writer {

    private byte[] buf;
    private int pos;

    public Lib0Writer() {
        this(64);
    }

    public Lib0Writer(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int length() {
        return pos;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Drops everything written so far, keeping the buffer. */
    public void reset() {
        pos = 0;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }

    public void writeUint8(int value) {
        ensure(1);
        buf[pos++] = (byte) value;
    }

    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    public void writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, pos, length);
        pos += length;
    }

    public void writeVarUint(long value) {
        ensure(10);
        while (value > 0x7F) {
            buf[pos++] = (byte) (0x80 | (value & 0x7F));
            value >>>= 7;
        }
        buf[pos++] = (byte) value;
    }

    /** lib0's signed varint: bit 7 of the first byte continues, bit 6 is the sign, six bits of magnitude. */
    public void writeVarInt(long value) {
        writeVarInt(Math.abs(value), value < 0);
    }

    /** Also covers JavaScript's {@code -0}, which lib0 writes with the sign bit set. */
    public void writeVarInt(long magnitude, boolean negative) {
        ensure(11);
        buf[pos++] = (byte) ((magnitude > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (magnitude & 0x3F));
        magnitude >>>= 6;
        while (magnitude > 0) {
            buf[pos++] = (byte) ((magnitude > 0x7F ? 0x80 : 0) | (magnitude & 0x7F));
            magnitude >>>= 7;
        }
    }

    public void writeVarUint8Array(byte[] bytes) {
        writeVarUint(bytes.length);
        writeBytes(bytes);
    }

    public void writeVarString(String s) {
        int n = s.length();
        int ascii = 0;
        while (ascii < n && s.charAt(ascii) < 0x80) {
            ascii++;
        }
        if (ascii == n) {
            writeVarUint(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
            return;
        }
        writeVarUint(Utf8.encodedLength(s));
        ensure(Utf8.encodedLength(s));
        pos = Utf8.encode(s, buf, pos);
    }

    public void writeFloat32(float value) {
        writeBigEndian(Float.floatToRawIntBits(value) & 0xFFFFFFFFL, 4);
    }

    public void writeFloat64(double value) {
        writeBigEndian(Double.doubleToRawLongBits(value), 8);
    }

    public void writeBigInt64(BigInteger value) {
        writeBigEndian(value.longValue(), 8);
    }

    private void writeBigEndian(long bits, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buf[pos++] = (byte) (bits >>> (8 * i));
        }
    }

    /** Writes a value as lib0's {@code writeAny} does; see {@link Any} for the Java shapes of JS values. */
    public void writeAny(Object value) {
        Any.write(this, value);
    }
}
