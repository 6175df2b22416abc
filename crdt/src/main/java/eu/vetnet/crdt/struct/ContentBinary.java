package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.List;

/** One byte array (a Uint8Array in JavaScript). */
public final class ContentBinary implements Content {

    private final byte[] bytes;

    public ContentBinary(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int length() {
        return 1;
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        return List.of(bytes);
    }

    @Override
    public Content copy() {
        return new ContentBinary(bytes);
    }

    @Override
    public Content splice(int offset) {
        throw new UnsupportedOperationException("binary content has length 1");
    }

    @Override
    public boolean mergeWith(Content right) {
        return false;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeBuf(bytes);
    }

    @Override
    public int ref() {
        return ContentRefs.BINARY;
    }
}
