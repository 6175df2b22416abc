package eu.vetnet.crdt;

import eu.vetnet.crdt.StructDecoding.ClientRefs;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateDecoderV1;
import eu.vetnet.crdt.encoding.UpdateFormat;
import eu.vetnet.crdt.encoding.UpdateEncoderV1;
import eu.vetnet.crdt.store.DeleteSet;
import eu.vetnet.crdt.store.StructList;
import eu.vetnet.crdt.store.StructStore;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies updates to a document, as Yjs's readUpdate: integrate what can be, keep the rest pending until its
 * dependencies arrive, and apply deletions of what is known. The whole update is decoded before anything is
 * touched, so bytes that do not decode change nothing.
 */
final class UpdateReader {

    private UpdateReader() {
    }

    private record Decoded(Map<Long, ClientRefs> refs, DeleteSet deletes) {
    }

    static void apply(YDoc doc, byte[] update, Object origin) {
        apply(doc, update, origin, UpdateFormat.V1);
    }

    /** Pending structs and deletes are kept as v1 whatever format they arrived in (they are re-encoded). */
    static void apply(YDoc doc, byte[] update, Object origin, UpdateFormat format) {
        UpdateDecoder decoder = format.decoder(update);
        Decoded decoded = new Decoded(StructDecoding.readClientRefs(decoder), DeleteSet.read(decoder));
        doc.transact(t -> {
            t.local = false;
            applyDecoded(t, decoded);
            return null;
        }, origin, false);
    }

    private static void applyDecoded(Transaction t, Decoded decoded) {
        YDoc doc = t.doc();
        StructStore store = doc.store();
        // Root types named by the update exist from now on, as in Yjs (which creates them while decoding).
        for (ClientRefs cr : decoded.refs().values()) {
            for (Struct s : cr.refs) {
                if (s instanceof Item item && item.parentRef() instanceof ParentRef.Named named) {
                    item.setParent(doc.getRoot(named.name()));
                    item.clearParentRef();
                }
            }
        }
        boolean retry = false;
        StructStore.Pending rest = integrateStructs(t, store, decoded.refs());
        StructStore.Pending pending = store.pendingStructs();
        if (pending != null) {
            for (Map.Entry<Long, Long> e : pending.missing().entrySet()) {
                if (e.getValue() < store.getState(e.getKey())) {
                    retry = true;
                    break;
                }
            }
            if (rest != null) {
                Map<Long, Long> missing = pending.missing();
                for (Map.Entry<Long, Long> e : rest.missing().entrySet()) {
                    Long m = missing.get(e.getKey());
                    if (m == null || m > e.getValue()) {
                        missing.put(e.getKey(), e.getValue());
                    }
                }
                store.setPendingStructs(new StructStore.Pending(missing,
                        Updates.mergeUpdates(List.of(pending.update(), rest.update()))));
            }
        } else {
            store.setPendingStructs(rest);
        }
        byte[] dsRest = applyDeleteSet(t, store, decoded.deletes());
        if (store.pendingDeletes() != null) {
            UpdateDecoderV1 pd = new UpdateDecoderV1(store.pendingDeletes());
            pd.rest().readVarUint(); // no structs in a pending-deletes update
            byte[] dsRest2 = applyDeleteSet(t, store, DeleteSet.read(pd));
            if (dsRest != null && dsRest2 != null) {
                store.setPendingDeletes(Updates.mergeUpdates(List.of(dsRest, dsRest2)));
            } else {
                store.setPendingDeletes(dsRest != null ? dsRest : dsRest2);
            }
        } else {
            store.setPendingDeletes(dsRest);
        }
        if (retry) {
            byte[] again = store.pendingStructs().update();
            store.setPendingStructs(null);
            apply(doc, again, t.origin());
        }
    }

    /** Integrates what it can; returns what waits for missing structs, or null. */
    private static StructStore.Pending integrateStructs(Transaction t, StructStore store, Map<Long, ClientRefs> clientRefs) {
        List<Long> ids = new ArrayList<>(clientRefs.keySet());
        if (ids.isEmpty()) {
            return null;
        }
        ids.sort(Long::compare);
        List<Struct> stack = new ArrayList<>();
        Map<Long, List<Struct>> restStructs = new LinkedHashMap<>();
        Map<Long, Long> missingSv = new LinkedHashMap<>();
        Map<Long, Long> state = new java.util.HashMap<>();

        ClientRefs current = nextTarget(clientRefs, ids);
        if (current == null) {
            return null;
        }
        Struct head = current.refs.get(current.i++);
        while (true) {
            if (!(head instanceof SkipStruct)) {
                final Struct h = head;
                long localClock = state.computeIfAbsent(h.client(), c -> store.getState(c));
                long offset = localClock - h.clock();
                if (offset < 0) {
                    // an earlier update of the same client is missing
                    stack.add(h);
                    updateMissing(missingSv, h.client(), h.clock() - 1);
                    addStackToRest(stack, clientRefs, restStructs, ids);
                } else {
                    long missing = h.missingClient(t, store);
                    if (missing != Struct.NONE_MISSING) {
                        stack.add(h);
                        ClientRefs refs = clientRefs.get(missing);
                        if (refs == null || refs.refs.size() == refs.i) {
                            // depends on an update we do not have yet
                            updateMissing(missingSv, missing, store.getState(missing));
                            addStackToRest(stack, clientRefs, restStructs, ids);
                        } else {
                            head = refs.refs.get(refs.i++);
                            continue;
                        }
                    } else if (offset == 0 || offset < h.length()) {
                        h.integrate(t, (int) offset);
                        state.put(h.client(), h.clock() + h.length());
                    }
                }
            }
            if (!stack.isEmpty()) {
                head = stack.remove(stack.size() - 1);
            } else if (current != null && current.i < current.refs.size()) {
                head = current.refs.get(current.i++);
            } else {
                current = nextTarget(clientRefs, ids);
                if (current == null) {
                    break;
                }
                head = current.refs.get(current.i++);
            }
        }
        if (restStructs.isEmpty()) {
            return null;
        }
        UpdateEncoderV1 encoder = new UpdateEncoderV1();
        UpdateWriter.writeStructLists(encoder, restStructs);
        encoder.rest().writeVarUint(0); // no deletions
        return new StructStore.Pending(missingSv, encoder.toByteArray());
    }

    /** The client with the highest id that still has structs to integrate. */
    private static ClientRefs nextTarget(Map<Long, ClientRefs> clientRefs, List<Long> ids) {
        while (!ids.isEmpty()) {
            ClientRefs target = clientRefs.get(ids.get(ids.size() - 1));
            if (target.refs.size() != target.i) {
                return target;
            }
            ids.remove(ids.size() - 1);
        }
        return null;
    }

    private static void updateMissing(Map<Long, Long> missingSv, long client, long clock) {
        Long m = missingSv.get(client);
        if (m == null || m > clock) {
            missingSv.put(client, clock);
        }
    }

    /** Everything on the stack waits: its clients' remaining structs move to the pending set. */
    private static void addStackToRest(List<Struct> stack, Map<Long, ClientRefs> clientRefs,
            Map<Long, List<Struct>> restStructs, List<Long> ids) {
        for (Struct item : stack) {
            long client = item.client();
            ClientRefs inapplicable = clientRefs.get(client);
            if (inapplicable != null) {
                inapplicable.i--;
                restStructs.put(client, new ArrayList<>(inapplicable.refs.subList(inapplicable.i, inapplicable.refs.size())));
                clientRefs.remove(client);
                inapplicable.i = 0;
                inapplicable.refs = new ArrayList<>();
            } else {
                restStructs.put(client, new ArrayList<>(List.of(item)));
            }
            ids.removeIf(c -> c == client);
        }
        stack.clear();
    }

    /** Deletes what the store has; returns the deletions it could not apply yet as an update, or null. */
    static byte[] applyDeleteSet(Transaction t, StructStore store, DeleteSet ds) {
        DeleteSet unapplied = new DeleteSet();
        List<Long> clients = new ArrayList<>(ds.clients().keySet());
        for (Long client : clients) {
            StructList structs = store.clients().get(client);
            long state = store.getState(client);
            for (DeleteSet.Range r : ds.clients().get(client)) {
                long clock = r.clock();
                long clockEnd = clock + r.len();
                if (clock < state) {
                    if (state < clockEnd) {
                        unapplied.add(client, state, clockEnd - state);
                    }
                    int index = structs.findIndex(clock);
                    Struct struct = structs.get(index);
                    if (!struct.isDeleted() && struct.clock() < clock) {
                        structs.insert(index + 1, ((Item) struct).split(t, (int) (clock - struct.clock())));
                        index++;
                    }
                    while (index < structs.size()) {
                        struct = structs.get(index++);
                        if (struct.clock() < clockEnd) {
                            if (!struct.isDeleted()) {
                                if (clockEnd < struct.endClock()) {
                                    structs.insert(index, ((Item) struct).split(t, (int) (clockEnd - struct.clock())));
                                }
                                ((Item) struct).delete(t);
                            }
                        } else {
                            break;
                        }
                    }
                } else {
                    unapplied.add(client, clock, clockEnd - clock);
                }
            }
        }
        if (unapplied.isEmpty()) {
            return null;
        }
        UpdateEncoderV1 encoder = new UpdateEncoderV1();
        encoder.rest().writeVarUint(0); // no structs
        unapplied.write(encoder);
        return encoder.toByteArray();
    }

}
