package eu.vetnet.bench.load;

/**
 * Walks the structs of a v1 update and reports the id range of each: how the harness learns which sent
 * updates a received message carries, even when a server merged several into one. Knows the contents the
 * load writes (strings, XML types, deleted ranges, GC, skips); anything else is an error, not a guess.
 */
final class UpdateIds {

    interface Sink {
        void range(long client, long clock, int length);
    }

    private UpdateIds() {
    }

    static void walk(Cursor c, Sink sink) {
        long groups = c.readVarUint();
        for (long g = 0; g < groups; g++) {
            long structs = c.readVarUint();
            long client = c.readVarUint();
            long clock = c.readVarUint();
            for (long s = 0; s < structs; s++) {
                int info = c.readUint8();
                int ref = info & 0x1F;
                int length;
                if (ref == 0 || ref == 10) { // GC or Skip: a length
                    length = (int) c.readVarUint();
                    if (ref == 0) {
                        sink.range(client, clock, length);
                    }
                    clock += length;
                    continue;
                }
                boolean origin = (info & 0x80) != 0;
                boolean rightOrigin = (info & 0x40) != 0;
                if (origin) {
                    c.readVarUint();
                    c.readVarUint();
                }
                if (rightOrigin) {
                    c.readVarUint();
                    c.readVarUint();
                }
                if (!origin && !rightOrigin) {
                    if (c.readVarUint() == 1) {
                        c.readVarString(); // parent is a root type, by name
                    } else {
                        c.readVarUint();
                        c.readVarUint();
                    }
                    if ((info & 0x20) != 0) {
                        c.readVarString(); // parentSub
                    }
                }
                length = switch (ref) {
                    case 1 -> (int) c.readVarUint(); // deleted
                    case 4 -> c.skipVarStringUtf16Length();
                    case 7 -> {
                        int typeRef = (int) c.readVarUint();
                        if (typeRef == 3 || typeRef == 5) {
                            c.readVarString(); // XmlElement / XmlHook name
                        }
                        yield 1;
                    }
                    default -> throw new IllegalArgumentException("content " + ref + " is not one the load writes");
                };
                sink.range(client, clock, length);
                clock += length;
            }
        }
        // the delete set follows; the load never deletes, so it is not read
    }
}
