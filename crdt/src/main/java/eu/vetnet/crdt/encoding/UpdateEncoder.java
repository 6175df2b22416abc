package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.struct.Id;

/** What structs and delete sets write through; one implementation per update format. */
public interface UpdateEncoder {

    /** The plain lib0 stream that counts, clocks and skips are written to directly. */
    Lib0Writer rest();

    /** Replaces the rest stream (merging writes it in parts, as Yjs's lazy writer does); returns the old one. */
    Lib0Writer swapRest(Lib0Writer fresh);

    void writeInfo(int info);

    void writeLeftId(Id id);

    void writeRightId(Id id);

    void writeClient(long client);

    void writeString(String s);

    void writeParentInfo(boolean isRootKey);

    void writeTypeRef(int ref);

    void writeLen(long len);

    void writeAny(Object value);

    void writeBuf(byte[] bytes);

    void writeJson(Object value);

    void writeKey(String key);

    void resetDsCurVal();

    void writeDsClock(long clock);

    void writeDsLen(long len);

    byte[] toByteArray();
}
