package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.struct.Id;

/** Reads update format v1. */
public final class UpdateDecoderV1 implements UpdateDecoder {

    private final Lib0Reader r;

    public UpdateDecoderV1(byte[] update) {
        this(new Lib0Reader(update));
    }

    public UpdateDecoderV1(Lib0Reader reader) {
        this.r = reader;
    }

    @Override
    public Lib0Reader rest() {
        return r;
    }

    @Override
    public int readStructCount(int minRestBytesEach) {
        return r.readCount(minRestBytesEach);
    }

    @Override
    public int readInfo() {
        return r.readUint8();
    }

    @Override
    public Id readLeftId() {
        return new Id(r.readVarUint(), r.readVarUint());
    }

    @Override
    public Id readRightId() {
        return new Id(r.readVarUint(), r.readVarUint());
    }

    @Override
    public long readClient() {
        return r.readVarUint();
    }

    @Override
    public String readString() {
        return r.readVarString();
    }

    @Override
    public boolean readParentInfo() {
        return r.readVarUint() == 1;
    }

    @Override
    public int readTypeRef() {
        return r.readVarUintAsInt();
    }

    @Override
    public int readLen() {
        return r.readVarUintAsInt();
    }

    @Override
    public Object readAny() {
        return r.readAny();
    }

    @Override
    public byte[] readBuf() {
        return r.readVarUint8Array();
    }

    @Override
    public Object readJson() {
        return JsJson.parse(r.readVarString());
    }

    @Override
    public String readKey() {
        return r.readVarString();
    }

    @Override
    public void resetDsCurVal() {
        // v1 reads delete-set clocks as they are
    }

    @Override
    public long readDsClock() {
        return r.readVarUint();
    }

    @Override
    public long readDsLen() {
        return r.readVarUint();
    }
}
