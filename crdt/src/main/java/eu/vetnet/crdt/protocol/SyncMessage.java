package eu.vetnet.crdt.protocol;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;

/**
 * The y-protocols sync messages: step 1 sends a state vector, step 2 answers with the missing update,
 * update carries a change as it happens. Wire: {@code varUint type, varUint8Array payload}.
 */
public sealed interface SyncMessage {

    int STEP1 = 0;
    int STEP2 = 1;
    int UPDATE = 2;

    byte[] payload();

    int type();

    record Step1(byte[] stateVector) implements SyncMessage {
        @Override
        public byte[] payload() {
            return stateVector;
        }

        @Override
        public int type() {
            return STEP1;
        }
    }

    record Step2(byte[] update) implements SyncMessage {
        @Override
        public byte[] payload() {
            return update;
        }

        @Override
        public int type() {
            return STEP2;
        }
    }

    record Update(byte[] update) implements SyncMessage {
        @Override
        public byte[] payload() {
            return update;
        }

        @Override
        public int type() {
            return UPDATE;
        }
    }

    default void write(Lib0Writer w) {
        w.writeVarUint(type());
        w.writeVarUint8Array(payload());
    }

    static SyncMessage read(Lib0Reader r) {
        int type = r.readVarUintAsInt();
        byte[] payload = r.readVarUint8Array();
        return switch (type) {
            case STEP1 -> new Step1(payload);
            case STEP2 -> new Step2(payload);
            case UPDATE -> new Update(payload);
            default -> throw new DecodingException("unknown sync message type " + type);
        };
    }
}
