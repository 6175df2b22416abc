package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.struct.Id;

/** Update format v1: everything in one lib0 stream, the format y-websocket and Hocuspocus send. */
public final class UpdateEncoderV1 implements UpdateEncoder {

    private Lib0Writer w;

    public UpdateEncoderV1() {
        this(new Lib0Writer());
    }

    public UpdateEncoderV1(Lib0Writer writer) {
        this.w = writer;
    }

    @Override
    public Lib0Writer rest() {
        return w;
    }

    @Override
    public Lib0Writer swapRest(Lib0Writer fresh) {
        Lib0Writer old = w;
        w = fresh;
        return old;
    }

    @Override
    public void writeInfo(int info) {
        w.writeUint8(info);
    }

    @Override
    public void writeLeftId(Id id) {
        w.writeVarUint(id.client());
        w.writeVarUint(id.clock());
    }

    @Override
    public void writeRightId(Id id) {
        w.writeVarUint(id.client());
        w.writeVarUint(id.clock());
    }

    @Override
    public void writeClient(long client) {
        w.writeVarUint(client);
    }

    @Override
    public void writeString(String s) {
        w.writeVarString(s);
    }

    @Override
    public void writeParentInfo(boolean isRootKey) {
        w.writeVarUint(isRootKey ? 1 : 0);
    }

    @Override
    public void writeTypeRef(int ref) {
        w.writeVarUint(ref);
    }

    @Override
    public void writeLen(long len) {
        w.writeVarUint(len);
    }

    @Override
    public void writeAny(Object value) {
        w.writeAny(value);
    }

    @Override
    public void writeBuf(byte[] bytes) {
        w.writeVarUint8Array(bytes);
    }

    @Override
    public void writeJson(Object value) {
        String json = JsJson.stringify(value);
        if (json == null) {
            throw new IllegalArgumentException("undefined can't be written as JSON content");
        }
        w.writeVarString(json);
    }

    @Override
    public void writeKey(String key) {
        w.writeVarString(key);
    }

    @Override
    public void resetDsCurVal() {
        // v1 writes delete-set clocks as they are
    }

    @Override
    public void writeDsClock(long clock) {
        w.writeVarUint(clock);
    }

    @Override
    public void writeDsLen(long len) {
        w.writeVarUint(len);
    }

    @Override
    public byte[] toByteArray() {
        return w.toByteArray();
    }
}
