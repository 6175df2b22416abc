package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.struct.Id;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads update format v2. Run-length columns can claim more values than they have bytes, so counts are
 * capped by {@link #MAX_STRUCTS} instead of by the bytes left.
 */
public final class UpdateDecoderV2 implements UpdateDecoder {

    /** At most this many structs in one update: a 1 MiB v1 update holds at most about a million. */
    public static final int MAX_STRUCTS = 4_000_000;

    private final Lib0Reader rest;
    private long dsCurrVal;
    private final List<String> keys = new ArrayList<>();
    private final RleCodecs.IntDiffOptRleDecoder keyClockDecoder;
    private final RleCodecs.UintOptRleDecoder clientDecoder;
    private final RleCodecs.IntDiffOptRleDecoder leftClockDecoder;
    private final RleCodecs.IntDiffOptRleDecoder rightClockDecoder;
    private final RleCodecs.RleDecoder infoDecoder;
    private final RleCodecs.StringDecoder stringDecoder;
    private final RleCodecs.RleDecoder parentInfoDecoder;
    private final RleCodecs.UintOptRleDecoder typeRefDecoder;
    private final RleCodecs.UintOptRleDecoder lenDecoder;
    private long structsRead;

    public UpdateDecoderV2(byte[] update) {
        Lib0Reader r = new Lib0Reader(update);
        r.readVarUint(); // feature flag
        keyClockDecoder = new RleCodecs.IntDiffOptRleDecoder(r.readVarUint8Array());
        clientDecoder = new RleCodecs.UintOptRleDecoder(r.readVarUint8Array());
        leftClockDecoder = new RleCodecs.IntDiffOptRleDecoder(r.readVarUint8Array());
        rightClockDecoder = new RleCodecs.IntDiffOptRleDecoder(r.readVarUint8Array());
        infoDecoder = new RleCodecs.RleDecoder(r.readVarUint8Array());
        stringDecoder = new RleCodecs.StringDecoder(r.readVarUint8Array());
        parentInfoDecoder = new RleCodecs.RleDecoder(r.readVarUint8Array());
        typeRefDecoder = new RleCodecs.UintOptRleDecoder(r.readVarUint8Array());
        lenDecoder = new RleCodecs.UintOptRleDecoder(r.readVarUint8Array());
        rest = r;
    }

    @Override
    public Lib0Reader rest() {
        return rest;
    }

    @Override
    public int readStructCount(int minRestBytesEach) {
        long n = rest.readVarUint();
        structsRead += n;
        if (structsRead > MAX_STRUCTS) {
            throw new DecodingException("update claims more than " + MAX_STRUCTS + " structs");
        }
        return (int) n;
    }

    @Override
    public int readInfo() {
        return infoDecoder.read();
    }

    private static long clock(long v) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new DecodingException("clock " + v + " out of range");
        }
        return v;
    }

    @Override
    public Id readLeftId() {
        return new Id(clientDecoder.read(), clock(leftClockDecoder.read()));
    }

    @Override
    public Id readRightId() {
        return new Id(clientDecoder.read(), clock(rightClockDecoder.read()));
    }

    @Override
    public long readClient() {
        return clientDecoder.read();
    }

    @Override
    public String readString() {
        return stringDecoder.read();
    }

    @Override
    public boolean readParentInfo() {
        return parentInfoDecoder.read() == 1;
    }

    @Override
    public int readTypeRef() {
        long v = typeRefDecoder.read();
        return v > 255 ? 255 : (int) v;
    }

    @Override
    public int readLen() {
        long v = lenDecoder.read();
        if (v > Integer.MAX_VALUE) {
            throw new DecodingException("length " + v + " over the limit");
        }
        return (int) v;
    }

    @Override
    public Object readAny() {
        return rest.readAny();
    }

    @Override
    public byte[] readBuf() {
        return rest.readVarUint8Array();
    }

    @Override
    public Object readJson() {
        return rest.readAny();
    }

    @Override
    public String readKey() {
        long keyClock = keyClockDecoder.read();
        if (keyClock >= 0 && keyClock < keys.size()) {
            return keys.get((int) keyClock);
        }
        String key = stringDecoder.read();
        keys.add(key);
        return key;
    }

    @Override
    public void resetDsCurVal() {
        dsCurrVal = 0;
    }

    @Override
    public long readDsClock() {
        dsCurrVal += rest.readVarUint();
        return dsCurrVal;
    }

    @Override
    public long readDsLen() {
        long diff = rest.readVarUint() + 1;
        dsCurrVal += diff;
        return diff;
    }
}
