package eu.vetnet.crdt.encoding;


/**
 * lib0's run-length column codecs that update format v2 is made of. Each is written exactly as lib0 writes
 * it, quirks included: a run of {@code 0}s in {@link UintOptRleEncoder} is written as {@code -0}.
 */
public final class RleCodecs {

    private RleCodecs() {
    }

    /** Bytes: each new value, then (when the next value differs) how many more times it repeated. */
    public static final class RleEncoder {
        private final Lib0Writer w = new Lib0Writer();
        private int s = -1;
        private long count;

        public void write(int v) {
            if (count > 0 && s == v) {
                count++;
            } else {
                if (count > 0) {
                    w.writeVarUint(count - 1);
                }
                count = 1;
                w.writeUint8(v);
                s = v;
            }
        }

        public byte[] toByteArray() {
            return w.toByteArray();
        }
    }

    public static final class RleDecoder {
        private final Lib0Reader r;
        private int s;
        private long count;

        public RleDecoder(byte[] bytes) {
            r = new Lib0Reader(bytes);
        }

        public int read() {
            if (count == 0) {
                s = r.readUint8();
                count = r.hasContent() ? r.readVarUint() + 1 : Long.MAX_VALUE; // the last run goes on forever
            }
            count--;
            return s;
        }
    }

    /** Unsigned values: a value alone as itself, a run as its negation followed by the run length minus 2. */
    public static final class UintOptRleEncoder {
        private final Lib0Writer w = new Lib0Writer();
        private long s;
        private long count;

        public void write(long v) {
            if (s == v) {
                count++;
            } else {
                flush();
                count = 1;
                s = v;
            }
        }

        private void flush() {
            if (count > 0) {
                w.writeVarInt(s, count > 1); // a run of 0 is "-0"
                if (count > 1) {
                    w.writeVarUint(count - 2);
                }
            }
        }

        public byte[] toByteArray() {
            flush();
            count = 0;
            return w.toByteArray();
        }
    }

    public static final class UintOptRleDecoder {
        private final Lib0Reader r;
        private long s;
        private long count;

        public UintOptRleDecoder(byte[] bytes) {
            this(new Lib0Reader(bytes));
        }

        UintOptRleDecoder(Lib0Reader reader) {
            r = reader;
        }

        Lib0Reader reader() {
            return r;
        }

        public long read() {
            if (count == 0) {
                Number v = r.readVarIntValue();
                boolean negative = v.doubleValue() < 0 || (v instanceof Double d && d == 0 && 1 / d < 0);
                s = Math.abs(v.longValue());
                count = 1;
                if (negative) {
                    count = r.readVarUint() + 2;
                }
            }
            count--;
            return s;
        }
    }

    /** Differences between successive values, with runs of equal differences; the low bit flags a run. */
    public static final class IntDiffOptRleEncoder {
        private final Lib0Writer w = new Lib0Writer();
        private long s;
        private long count;
        private long diff;

        public void write(long v) {
            if (count > 0 && diff == v - s) {
                s = v;
                count++;
            } else {
                flush();
                count = 1;
                diff = v - s;
                s = v;
            }
        }

        private void flush() {
            if (count > 0) {
                w.writeVarInt(diff * 2 + (count == 1 ? 0 : 1));
                if (count > 1) {
                    w.writeVarUint(count - 2);
                }
            }
        }

        public byte[] toByteArray() {
            flush();
            count = 0;
            return w.toByteArray();
        }
    }

    public static final class IntDiffOptRleDecoder {
        private final Lib0Reader r;
        private long s;
        private long count;
        private long diff;

        public IntDiffOptRleDecoder(byte[] bytes) {
            r = new Lib0Reader(bytes);
        }

        public long read() {
            if (count == 0) {
                long d = r.readVarInt();
                boolean hasCount = (d & 1) != 0;
                diff = Math.floorDiv(d, 2);
                count = 1;
                if (hasCount) {
                    count = r.readVarUint() + 2;
                }
            }
            s += diff;
            count--;
            return s;
        }
    }

    /** All strings joined into one, plus their UTF-16 lengths as a {@link UintOptRleEncoder} column. */
    public static final class StringEncoder {
        private final StringBuilder all = new StringBuilder();
        private final UintOptRleEncoder lengths = new UintOptRleEncoder();

        public void write(String s) {
            all.append(s);
            lengths.write(s.length());
        }

        public byte[] toByteArray() {
            Lib0Writer w = new Lib0Writer();
            w.writeVarString(all.toString());
            w.writeBytes(lengths.toByteArray());
            return w.toByteArray();
        }
    }

    public static final class StringDecoder {
        private final UintOptRleDecoder lengths;
        private final String str;
        private int pos;

        public StringDecoder(byte[] bytes) {
            Lib0Reader r = new Lib0Reader(bytes);
            str = r.readVarString();
            lengths = new UintOptRleDecoder(r);
        }

        public String read() {
            long len = lengths.read();
            if (len > str.length() - pos) {
                throw new DecodingException("string column exhausted");
            }
            String out = str.substring(pos, pos + (int) len);
            pos += (int) len;
            return out;
        }
    }

}
