package eu.vetnet.crdt;

import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateFormat;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.struct.GcStruct;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operations on v1 updates that need no document: merge several into one, cut what a peer already has,
 * read the state vector an update brings. Byte for byte what Yjs's updates.js produces.
 */
public final class Updates {

    private Updates() {
    }

    /** Reads structs one at a time, without a document; optionally passing over skips. */
    private static final class LazyReader {
        private final UpdateDecoder decoder;
        private final boolean filterSkips;
        private int groupsLeft;
        private int structsLeft;
        private long client;
        private long clock;
        Struct curr;

        LazyReader(UpdateDecoder decoder, boolean filterSkips) {
            this.decoder = decoder;
            this.filterSkips = filterSkips;
            this.groupsLeft = decoder.readStructCount(2);
            next();
        }

        Struct next() {
            do {
                curr = read();
            } while (filterSkips && curr instanceof SkipStruct);
            return curr;
        }

        private Struct read() {
            while (structsLeft == 0) {
                if (groupsLeft == 0) {
                    return null;
                }
                groupsLeft--;
                structsLeft = decoder.readStructCount(1);
                client = decoder.readClient();
                clock = decoder.rest().readVarUint();
            }
            structsLeft--;
            Struct s = StructDecoding.readStruct(decoder, client, clock);
            clock += s.length();
            if (clock > StructDecoding.MAX_CLOCK) {
                throw new eu.vetnet.crdt.encoding.DecodingException("clock " + clock + " over the limit of " + StructDecoding.MAX_CLOCK);
            }
            return s;
        }
    }

    /**
     * Writes structs per client run into the real encoder (columns shared), keeping each run's rest bytes
     * apart, then emits the runs with their counts, which come first on the wire (Yjs's lazy writer).
     */
    private static final class LazyWriter {
        private final UpdateEncoder encoder;
        private final List<byte[]> parts = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();
        private long currClient;
        private int written;

        LazyWriter(UpdateEncoder encoder) {
            this.encoder = encoder;
        }

        void write(Struct struct, int offset) {
            if (written > 0 && currClient != struct.client()) {
                flush();
            }
            if (written == 0) {
                currClient = struct.client();
                encoder.writeClient(struct.client());
                encoder.rest().writeVarUint(struct.clock() + offset);
            }
            struct.write(encoder, offset);
            written++;
        }

        private void flush() {
            if (written > 0) {
                parts.add(encoder.swapRest(new Lib0Writer()).toByteArray());
                counts.add(written);
                written = 0;
            }
        }

        void finish() {
            flush();
            Lib0Writer rest = encoder.rest();
            rest.writeVarUint(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                rest.writeVarUint(counts.get(i));
                rest.writeBytes(parts.get(i));
            }
        }
    }

    private static final class Write {
        Struct struct;
        final int offset = 0;

        Write(Struct struct) {
            this.struct = struct;
        }
    }

    /** Merges v1 updates into one that applies like all of them together. */
    public static byte[] mergeUpdates(List<byte[]> updates) {
        return mergeUpdates(updates, UpdateFormat.V1);
    }

    public static byte[] mergeUpdatesV2(List<byte[]> updates) {
        return mergeUpdates(updates, UpdateFormat.V2);
    }

    static byte[] mergeUpdates(List<byte[]> updates, UpdateFormat format) {
        if (updates.size() == 1) {
            return updates.get(0);
        }
        List<UpdateDecoder> decoders = new ArrayList<>();
        List<LazyReader> readers = new ArrayList<>();
        for (byte[] u : updates) {
            UpdateDecoder d = format.decoder(u);
            decoders.add(d);
            readers.add(new LazyReader(d, true));
        }
        UpdateEncoder encoder = format.encoder();
        LazyWriter writer = new LazyWriter(encoder);
        Write currWrite = null;
        while (true) {
            readers.removeIf(r -> r.curr == null);
            // higher clients first, then by clock; at equal ids a non-skip first
            readers.sort((a, b) -> {
                if (a.curr.client() == b.curr.client()) {
                    long clockDiff = a.curr.clock() - b.curr.clock();
                    if (clockDiff == 0) {
                        return a.curr.getClass() == b.curr.getClass() ? 0 : a.curr instanceof SkipStruct ? 1 : -1;
                    }
                    return clockDiff < 0 ? -1 : 1;
                }
                return Long.compare(b.curr.client(), a.curr.client());
            });
            if (readers.isEmpty()) {
                break;
            }
            LazyReader currDecoder = readers.get(0);
            long firstClient = currDecoder.curr.client();
            if (currWrite != null) {
                Struct curr = currDecoder.curr;
                boolean iterated = false;
                // pass over what is already written (higher clients were written first)
                while (curr != null && curr.endClock() <= currWrite.struct.endClock() && curr.client() >= currWrite.struct.client()) {
                    curr = currDecoder.next();
                    iterated = true;
                }
                if (curr == null || curr.client() != firstClient
                        || (iterated && curr.clock() > currWrite.struct.endClock())) {
                    continue;
                }
                if (firstClient != currWrite.struct.client()) {
                    writer.write(currWrite.struct, currWrite.offset);
                    currWrite = new Write(curr);
                    currDecoder.next();
                } else if (currWrite.struct.endClock() < curr.clock()) {
                    // a gap: fill it with a skip
                    if (currWrite.struct instanceof SkipStruct skip) {
                        skip.setLength((int) (curr.endClock() - skip.clock()));
                    } else {
                        writer.write(currWrite.struct, currWrite.offset);
                        long diff = curr.clock() - currWrite.struct.endClock();
                        currWrite = new Write(new SkipStruct(new Id(firstClient, currWrite.struct.endClock()), (int) diff));
                    }
                } else {
                    long diff = currWrite.struct.endClock() - curr.clock();
                    if (diff > 0) {
                        if (currWrite.struct instanceof SkipStruct skip) {
                            // prefer cutting the skip: the other struct carries content
                            skip.setLength((int) (skip.length() - diff));
                        } else {
                            curr = slice(curr, (int) diff);
                        }
                    }
                    if (!mergeable(currWrite.struct, curr)) {
                        writer.write(currWrite.struct, currWrite.offset);
                        currWrite = new Write(curr);
                        currDecoder.next();
                    }
                }
            } else {
                currWrite = new Write(currDecoder.curr);
                currDecoder.next();
            }
            for (Struct next = currDecoder.curr; next != null && next.client() == firstClient
                    && next.clock() == currWrite.struct.endClock() && !(next instanceof SkipStruct);
                    next = currDecoder.next()) {
                writer.write(currWrite.struct, currWrite.offset);
                currWrite = new Write(next);
            }
        }
        if (currWrite != null) {
            writer.write(currWrite.struct, currWrite.offset);
        }
        writer.finish();
        List<DeleteSet> dss = new ArrayList<>();
        for (UpdateDecoder d : decoders) {
            dss.add(DeleteSet.read(d));
        }
        DeleteSet.merge(dss).write(encoder);
        return encoder.toByteArray();
    }

    /**
     * Yjs merges only GC with GC and skip with skip here (detached items never merge: an item's mergeWith
     * requires it to be linked to its right neighbour).
     */
    private static boolean mergeable(Struct left, Struct right) {
        if ((left instanceof GcStruct && right instanceof GcStruct) || (left instanceof SkipStruct && right instanceof SkipStruct)) {
            return left.mergeWith(right);
        }
        return false;
    }

    private static Struct slice(Struct s, int diff) {
        if (s instanceof GcStruct gc) {
            return gc.sliceFrom(diff);
        }
        if (s instanceof SkipStruct skip) {
            return skip.sliceFrom(diff);
        }
        return ((Item) s).sliceFrom(diff);
    }

    /** The part of a v1 {@code update} that a peer with {@code stateVector} lacks (deletions are kept whole). */
    public static byte[] diffUpdate(byte[] update, byte[] stateVector) {
        return diffUpdate(update, stateVector, UpdateFormat.V1);
    }

    public static byte[] diffUpdateV2(byte[] update, byte[] stateVector) {
        return diffUpdate(update, stateVector, UpdateFormat.V2);
    }

    static byte[] diffUpdate(byte[] update, byte[] stateVector, UpdateFormat format) {
        Map<Long, Long> state = StateVectors.decode(stateVector);
        UpdateEncoder encoder = format.encoder();
        LazyWriter writer = new LazyWriter(encoder);
        UpdateDecoder decoder = format.decoder(update);
        LazyReader reader = new LazyReader(decoder, false);
        while (reader.curr != null) {
            Struct curr = reader.curr;
            long currClient = curr.client();
            long svClock = state.getOrDefault(currClient, 0L);
            if (curr instanceof SkipStruct) {
                reader.next();
                continue;
            }
            if (curr.endClock() > svClock) {
                writer.write(curr, (int) Math.max(svClock - curr.clock(), 0));
                reader.next();
                while (reader.curr != null && reader.curr.client() == currClient) {
                    writer.write(reader.curr, 0);
                    reader.next();
                }
            } else {
                while (reader.curr != null && reader.curr.client() == currClient && reader.curr.endClock() <= svClock) {
                    reader.next();
                }
            }
        }
        writer.finish();
        DeleteSet.read(decoder).write(encoder);
        return encoder.toByteArray();
    }

    /** The state vector a document would have after applying only this v1 update (from clock 0, no gaps). */
    public static byte[] encodeStateVectorFromUpdate(byte[] update) {
        return encodeStateVectorFromUpdate(update, UpdateFormat.V1);
    }

    public static byte[] encodeStateVectorFromUpdateV2(byte[] update) {
        return encodeStateVectorFromUpdate(update, UpdateFormat.V2);
    }

    static byte[] encodeStateVectorFromUpdate(byte[] update, UpdateFormat format) {
        LazyReader reader = new LazyReader(format.decoder(update), false);
        Lib0Writer pairs = new Lib0Writer();
        int size = 0;
        Struct curr = reader.curr;
        if (curr != null) {
            long currClient = curr.client();
            boolean stopCounting = curr.clock() != 0;
            long currClock = stopCounting ? 0 : curr.endClock();
            for (; curr != null; curr = reader.next()) {
                if (currClient != curr.client()) {
                    if (currClock != 0) {
                        size++;
                        pairs.writeVarUint(currClient);
                        pairs.writeVarUint(currClock);
                    }
                    currClient = curr.client();
                    currClock = 0;
                    stopCounting = curr.clock() != 0;
                }
                if (curr instanceof SkipStruct) {
                    stopCounting = true;
                }
                if (!stopCounting) {
                    currClock = curr.endClock();
                }
            }
            if (currClock != 0) {
                size++;
                pairs.writeVarUint(currClient);
                pairs.writeVarUint(currClock);
            }
        }
        Lib0Writer out = new Lib0Writer();
        out.writeVarUint(size);
        out.writeBytes(pairs.toByteArray());
        return out.toByteArray();
    }

    /** The same update in format v2. */
    public static byte[] convertV1ToV2(byte[] update) {
        return convert(update, UpdateFormat.V1, UpdateFormat.V2);
    }

    /** The same update in format v1. */
    public static byte[] convertV2ToV1(byte[] update) {
        return convert(update, UpdateFormat.V2, UpdateFormat.V1);
    }

    private static byte[] convert(byte[] update, UpdateFormat from, UpdateFormat to) {
        UpdateDecoder decoder = from.decoder(update);
        LazyReader reader = new LazyReader(decoder, false);
        UpdateEncoder encoder = to.encoder();
        LazyWriter writer = new LazyWriter(encoder);
        for (Struct s = reader.curr; s != null; s = reader.next()) {
            writer.write(s, 0);
        }
        writer.finish();
        DeleteSet.read(decoder).write(encoder);
        return encoder.toByteArray();
    }
}
