package eu.vetnet.crdt.encoding;

/** The two update formats of Yjs: v1 (what providers send) and v2 (columnar, smaller). */
public enum UpdateFormat {
    V1, V2;

    public UpdateEncoder encoder() {
        return this == V1 ? new UpdateEncoderV1() : new UpdateEncoderV2();
    }

    public UpdateDecoder decoder(byte[] update) {
        return this == V1 ? new UpdateDecoderV1(update) : new UpdateDecoderV2(update);
    }
}
