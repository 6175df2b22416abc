package eu.vetnet.bench.load;

import eu.vetnet.crdt.UpdateStructs;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.UpdateDecoderV1;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;

/**
 * Reports the id range of every struct of a v1 update, read with the engine's own struct decoder
 * ({@link UpdateStructs}) and without applying it: how the harness learns which sent updates a received message
 * carries, even when a server merged several into one.
 */
final class UpdateIds {

    interface Sink {
        void range(long client, long clock, int length);
    }

    private UpdateIds() {
    }

    /** Reads the structs from {@code reader} (positioned at the update); the delete set after them is not read. */
    static void walk(Lib0Reader reader, Sink sink) {
        UpdateDecoderV1 decoder = new UpdateDecoderV1(reader);
        int groups = decoder.readStructCount(2);
        for (int g = 0; g < groups; g++) {
            int structs = decoder.readStructCount(1);
            long client = decoder.readClient();
            long clock = decoder.rest().readVarUint();
            for (int s = 0; s < structs; s++) {
                Struct struct = UpdateStructs.read(decoder, client, clock);
                if (!(struct instanceof SkipStruct)) {
                    sink.range(client, clock, struct.length());
                }
                clock += struct.length();
            }
        }
    }
}
