package eu.vetnet.crdt;

import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.encoding.UpdateEncoderV1;
import eu.vetnet.crdt.encoding.UpdateFormat;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes documents and transactions as updates, in Yjs's order (clients by descending id). */
final class UpdateWriter {

    private UpdateWriter() {
    }

    /** The structs of {@code store} that a peer at state vector {@code sv} lacks. */
    static void writeClientsStructs(UpdateEncoder encoder, StructStore store, Map<Long, Long> sv) {
        Map<Long, Long> from = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : sv.entrySet()) {
            if (store.getState(e.getKey()) > e.getValue()) {
                from.put(e.getKey(), e.getValue());
            }
        }
        for (Long client : store.clients().keySet()) {
            if (!sv.containsKey(client)) {
                from.put(client, 0L);
            }
        }
        encoder.rest().writeVarUint(from.size());
        List<Long> clients = new ArrayList<>(from.keySet());
        clients.sort((a, b) -> Long.compare(b, a));
        for (Long client : clients) {
            writeStructs(encoder, store.clients().get(client), client, from.get(client));
        }
    }

    private static void writeStructs(UpdateEncoder encoder, StructList structs, long client, long clock) {
        clock = Math.max(clock, structs.get(0).clock());
        int start = structs.findIndex(clock);
        encoder.rest().writeVarUint(structs.size() - start);
        encoder.writeClient(client);
        encoder.rest().writeVarUint(clock);
        Struct first = structs.get(start);
        first.write(encoder, (int) (clock - first.clock()));
        for (int i = start + 1; i < structs.size(); i++) {
            structs.get(i).write(encoder, 0);
        }
    }

    /** Writes detached struct lists (pending structs), each from its first struct. */
    static void writeStructLists(UpdateEncoder encoder, Map<Long, List<Struct>> lists) {
        encoder.rest().writeVarUint(lists.size());
        List<Long> clients = new ArrayList<>(lists.keySet());
        clients.sort((a, b) -> Long.compare(b, a));
        for (Long client : clients) {
            List<Struct> structs = lists.get(client);
            encoder.rest().writeVarUint(structs.size());
            encoder.writeClient(client);
            encoder.rest().writeVarUint(structs.get(0).clock());
            for (Struct s : structs) {
                s.write(encoder, 0);
            }
        }
    }

    static byte[] encodeStateAsUpdate(YDoc doc, byte[] encodedStateVector) {
        return encodeStateAsUpdate(doc, encodedStateVector, UpdateFormat.V1);
    }

    /** Includes what waits pending, as Yjs does (pending updates are kept in v1 and converted for v2). */
    static byte[] encodeStateAsUpdate(YDoc doc, byte[] encodedStateVector, UpdateFormat format) {
        Map<Long, Long> sv = encodedStateVector == null ? Map.of() : StateVectors.decode(encodedStateVector);
        UpdateEncoder encoder = format.encoder();
        writeClientsStructs(encoder, doc.store(), sv);
        DeleteSet.fromStore(doc.store()).write(encoder);
        List<byte[]> updates = new ArrayList<>();
        updates.add(encoder.toByteArray());
        StructStore store = doc.store();
        if (store.pendingDeletes() != null) {
            updates.add(inFormat(store.pendingDeletes(), format));
        }
        if (store.pendingStructs() != null) {
            updates.add(Updates.diffUpdate(inFormat(store.pendingStructs().update(), format),
                    encodedStateVector == null ? new byte[] {0} : encodedStateVector, format));
        }
        return updates.size() > 1 ? Updates.mergeUpdates(updates, format) : updates.get(0);
    }

    private static byte[] inFormat(byte[] v1, UpdateFormat format) {
        return format == UpdateFormat.V1 ? v1 : Updates.convertV1ToV2(v1);
    }

    /** The update a transaction produced, or null when it changed nothing. */
    static byte[] updateFromTransaction(Transaction t, UpdateEncoder encoder) {
        if (t.deleteSet().isEmpty() && t.changedClients().isEmpty()) {
            return null;
        }
        t.deleteSet().sortAndMerge();
        // As Yjs: every struct past the transaction's start state, as the store has it now. Only clients
        // that grew since the start can have any (the tracker saw every growth).
        StructStore store = t.doc().store();
        Map<Long, Long> from = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : t.touchedSinceStart().entrySet()) {
            if (store.getState(e.getKey()) > e.getValue()) {
                from.put(e.getKey(), e.getValue());
            }
        }
        encoder.rest().writeVarUint(from.size());
        List<Long> clients = new ArrayList<>(from.keySet());
        clients.sort((a, b) -> Long.compare(b, a));
        for (Long client : clients) {
            writeStructs(encoder, store.clients().get(client), client, from.get(client));
        }
        t.deleteSet().write(encoder);
        return encoder.toByteArray();
    }
}
