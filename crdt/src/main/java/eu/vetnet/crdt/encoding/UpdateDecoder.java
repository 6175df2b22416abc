package eu.vetnet.crdt.encoding;

import eu.vetnet.crdt.struct.Id;

/** The read side of {@link UpdateEncoder}. Every method throws {@link DecodingException} on bad bytes. */
public interface UpdateDecoder {

    Lib0Reader rest();

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
