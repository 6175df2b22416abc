package eu.vetnet.crdt;

import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.struct.Struct;

/** Public access to the struct decoder, for tools that read updates without applying them. */
public final class UpdateStructs {

    private UpdateStructs() {
    }

    public static Struct read(UpdateDecoder decoder, long client, long clock) {
        return StructDecoding.readStruct(decoder, client, clock);
    }
}
