package eu.vetnet.crdt;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.ContentRefs;
import eu.vetnet.crdt.struct.GcStruct;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.SkipStruct;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the struct section of an update into detached structs, one list per client group. */
final class StructDecoding {

    /**
     * Clocks past this are refused. A clock counts one client's edits; no real client reaches 2^31, while
     * a forged clock near 2^53 would make the gaps of merged updates overflow (and loop) downstream.
     */
    static final long MAX_CLOCK = Integer.MAX_VALUE;

    /** One client's run of structs in an update, with a cursor for integration. */
    static final class ClientRefs {
        List<Struct> refs;
        int i;

        ClientRefs(List<Struct> refs) {
            this.refs = refs;
        }
    }

    private StructDecoding() {
    }

    /** Groups in update order; a client named twice keeps its last group, as in Yjs. */
    static Map<Long, ClientRefs> readClientRefs(UpdateDecoder decoder) {
        Map<Long, ClientRefs> clientRefs = new LinkedHashMap<>();
        int groups = decoder.readStructCount(2);
        for (int g = 0; g < groups; g++) {
            int n = decoder.readStructCount(1);
            long client = decoder.readClient();
            long clock = decoder.rest().readVarUint();
            if (clock > MAX_CLOCK) {
                throw new DecodingException("clock " + clock + " over the limit of " + MAX_CLOCK);
            }
            List<Struct> refs = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                Struct s = readStruct(decoder, client, clock);
                refs.add(s);
                clock += s.length();
                if (clock > MAX_CLOCK) {
                    throw new DecodingException("clock " + clock + " over the limit of " + MAX_CLOCK);
                }
            }
            clientRefs.put(client, new ClientRefs(refs));
        }
        return clientRefs;
    }

    static Struct readStruct(UpdateDecoder decoder, long client, long clock) {
        int info = decoder.readInfo();
        int kind = info & 0x1F;
        if (kind == ContentRefs.GC) {
            return new GcStruct(new Id(client, clock), positive(decoder.readLen()));
        }
        if (kind == ContentRefs.SKIP) {
            return new SkipStruct(new Id(client, clock), positive(decoder.rest().readVarUintAsInt()));
        }
        Id origin = (info & 0x80) != 0 ? decoder.readLeftId() : null;
        Id rightOrigin = (info & 0x40) != 0 ? decoder.readRightId() : null;
        boolean cantCopyParentInfo = (info & 0xC0) == 0;
        ParentRef parentRef = null;
        String parentSub = null;
        if (cantCopyParentInfo) {
            parentRef = decoder.readParentInfo() ? new ParentRef.Named(decoder.readString())
                    : new ParentRef.ById(decoder.readLeftId());
            if ((info & 0x20) != 0) {
                parentSub = decoder.readString();
            }
        }
        // A client only ever refers to its own earlier clocks; a reference to its own present or future
        // can only be forged, and Yjs would fail on it half-way through integration.
        refuseOwnFuture(origin, client, clock);
        refuseOwnFuture(rightOrigin, client, clock);
        if (parentRef instanceof ParentRef.ById byId) {
            refuseOwnFuture(byId.id(), client, clock);
        }
        Content content = Content.read(decoder, info);
        if (content.length() <= 0) {
            throw new DecodingException("struct of length 0 at " + client + ":" + clock);
        }
        return new Item(new Id(client, clock), null, origin, null, rightOrigin, null, parentRef, parentSub, content);
    }

    private static void refuseOwnFuture(Id ref, long client, long clock) {
        if (ref != null && ref.client() == client && ref.clock() >= clock) {
            throw new DecodingException("struct " + client + ":" + clock + " refers to its own future " + ref);
        }
    }

    private static int positive(int len) {
        if (len <= 0) {
            throw new DecodingException("struct of length 0");
        }
        return len;
    }
}
