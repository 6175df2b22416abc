package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.struct.Id;

/**
 * Update format v2: every kind of field in its own run-length column (clients, clocks, infos, strings,
 * parent infos, type refs, lengths), then the rest (counts, clocks of groups, delete sets, Any values).
 * Smaller than v1 for text, as long runs of similar fields compress.
 */
public final class UpdateEncoderV2 implements UpdateEncoder {

    private Lib0Writer rest = new Lib0Writer();
    private long dsCurrVal;
    private long keyClock;
    private final RleCodecs.IntDiffOptRleEncoder keyClockEncoder = new RleCodecs.IntDiffOptRleEncoder();
    private final RleCodecs.UintOptRleEncoder clientEncoder = new RleCodecs.UintOptRleEncoder();
    private final RleCodecs.IntDiffOptRleEncoder leftClockEncoder = new RleCodecs.IntDiffOptRleEncoder();
    private final RleCodecs.IntDiffOptRleEncoder rightClockEncoder = new RleCodecs.IntDiffOptRleEncoder();
    private final RleCodecs.RleEncoder infoEncoder = new RleCodecs.RleEncoder();
    private final RleCodecs.StringEncoder stringEncoder = new RleCodecs.StringEncoder();
    private final RleCodecs.RleEncoder parentInfoEncoder = new RleCodecs.RleEncoder();
    private final RleCodecs.UintOptRleEncoder typeRefEncoder = new RleCodecs.UintOptRleEncoder();
    private final RleCodecs.UintOptRleEncoder lenEncoder = new RleCodecs.UintOptRleEncoder();

    @Override
    public Lib0Writer rest() {
        return rest;
    }

    @Override
    public Lib0Writer swapRest(Lib0Writer fresh) {
        Lib0Writer old = rest;
        rest = fresh;
        return old;
    }

    @Override
    public void writeInfo(int info) {
        infoEncoder.write(info);
    }

    @Override
    public void writeLeftId(Id id) {
        clientEncoder.write(id.client());
        leftClockEncoder.write(id.clock());
    }

    @Override
    public void writeRightId(Id id) {
        clientEncoder.write(id.client());
        rightClockEncoder.write(id.clock());
    }

    @Override
    public void writeClient(long client) {
        clientEncoder.write(client);
    }

    @Override
    public void writeString(String s) {
        stringEncoder.write(s);
    }

    @Override
    public void writeParentInfo(boolean isRootKey) {
        parentInfoEncoder.write(isRootKey ? 1 : 0);
    }

    @Override
    public void writeTypeRef(int ref) {
        typeRefEncoder.write(ref);
    }

    @Override
    public void writeLen(long len) {
        lenEncoder.write(len);
    }

    @Override
    public void writeAny(Object value) {
        rest.writeAny(value);
    }

    @Override
    public void writeBuf(byte[] bytes) {
        rest.writeVarUint8Array(bytes);
    }

    /** v2 writes embeds and format values as Any, not as JSON text. */
    @Override
    public void writeJson(Object value) {
        rest.writeAny(value);
    }

    /** Keys are always written in full: Yjs reserved a key cache here but never turned it on. */
    @Override
    public void writeKey(String key) {
        keyClockEncoder.write(keyClock++);
        stringEncoder.write(key);
    }

    @Override
    public void resetDsCurVal() {
        dsCurrVal = 0;
    }

    @Override
    public void writeDsClock(long clock) {
        long diff = clock - dsCurrVal;
        dsCurrVal = clock;
        rest.writeVarUint(diff);
    }

    @Override
    public void writeDsLen(long len) {
        if (len == 0) {
            throw new IllegalArgumentException("a deleted range cannot be empty");
        }
        rest.writeVarUint(len - 1);
        dsCurrVal += len;
    }

    @Override
    public byte[] toByteArray() {
        Lib0Writer out = new Lib0Writer(rest.length() + 64);
        out.writeVarUint(0); // feature flag, unused so far
        out.writeVarUint8Array(keyClockEncoder.toByteArray());
        out.writeVarUint8Array(clientEncoder.toByteArray());
        out.writeVarUint8Array(leftClockEncoder.toByteArray());
        out.writeVarUint8Array(rightClockEncoder.toByteArray());
        out.writeVarUint8Array(infoEncoder.toByteArray());
        out.writeVarUint8Array(stringEncoder.toByteArray());
        out.writeVarUint8Array(parentInfoEncoder.toByteArray());
        out.writeVarUint8Array(typeRefEncoder.toByteArray());
        out.writeVarUint8Array(lenEncoder.toByteArray());
        out.writeBytes(rest.toByteArray()); // the rest is appended without a length
        return out.toByteArray();
    }
}
