package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.struct.Id;

/** The read side of {@link UpdateEncoder}. Every method throws {@link DecodingException} on bad bytes. */
public interface UpdateDecoder {

    Lib0Reader rest();

    /**
     * A count of structs or groups, refused when implausible: in v1 each takes at least
     * {@code minRestBytesEach} of the bytes left; in v2 (whose columns compress) a total cap applies.
     */
    int readStructCount(int minRestBytesEach);

    int readInfo();

    Id readLeftId();

    Id readRightId();

    long readClient();

    String readString();

    boolean readParentInfo();

    int readTypeRef();

    int readLen();

    Object readAny();

    byte[] readBuf();

    Object readJson();

    String readKey();

    void resetDsCurVal();

    long readDsClock();

    long readDsLen();
}
