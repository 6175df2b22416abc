package eu.vetnet.rooms.policy;

import eu.vetnet.crdt.UpdateStructs;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.encoding.UpdateDecoderV1;
import eu.vetnet.crdt.encoding.UpdateEncoderV1;
import eu.vetnet.crdt.struct.Content;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Item;
import eu.vetnet.crdt.struct.ParentRef;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * A v1 update as its parts, to be changed and written again: struct groups (client, first clock, structs) in wire
 * order, and the delete set as written (clients and ranges in wire order, duplicates and overlaps kept). Writing
 * does not normalise anything, so a group may repeat a client, ranges may overlap, and a struct's clock is whatever
 * its group's first clock and the lengths before it say, as on the wire.
 */
final class Wire {

    static final class Group {
        long client;
        long clock;
        final List<Struct> structs;

        Group(long client, long clock, List<Struct> structs) {
            this.client = client;
            this.clock = clock;
            this.structs = structs;
        }

        long end() {
            long c = clock;
            for (Struct s : structs) {
                c += s.length();
            }
            return c;
        }

        Group copy() {
            return new Group(client, clock, new ArrayList<>(structs));
        }
    }

    /** One client's entry of the delete set: [clock, length] pairs. */
    record Deletes(long client, List<long[]> ranges) {
    }

    final List<Group> groups = new ArrayList<>();
    final List<Deletes> deletes = new ArrayList<>();

    static Wire decode(byte[] update) {
        Wire w = new Wire();
        UpdateDecoderV1 d = new UpdateDecoderV1(update);
        int n = d.readStructCount(2);
        for (int g = 0; g < n; g++) {
            int count = d.readStructCount(1);
            long client = d.readClient();
            long clock = d.rest().readVarUint();
            List<Struct> structs = new ArrayList<>();
            long c = clock;
            for (int k = 0; k < count; k++) {
                Struct s = UpdateStructs.read(d, client, c);
                structs.add(s);
                c += s.length();
            }
            w.groups.add(new Group(client, clock, structs));
        }
        Lib0Reader r = d.rest();
        int clients = r.readVarUintAsInt();
        for (int i = 0; i < clients; i++) {
            long client = r.readVarUint();
            int ranges = r.readVarUintAsInt();
            List<long[]> list = new ArrayList<>();
            for (int k = 0; k < ranges; k++) {
                list.add(new long[] {r.readVarUint(), r.readVarUint()});
            }
            w.deletes.add(new Deletes(client, list));
        }
        return w;
    }

    byte[] encode() {
        UpdateEncoderV1 e = new UpdateEncoderV1();
        Lib0Writer w = e.rest();
        w.writeVarUint(groups.size());
        for (Group g : groups) {
            w.writeVarUint(g.structs.size());
            e.writeClient(g.client);
            w.writeVarUint(g.clock);
            for (Struct s : g.structs) {
                s.write(e, 0);
            }
        }
        w.writeVarUint(deletes.size());
        for (Deletes d : deletes) {
            w.writeVarUint(d.client());
            w.writeVarUint(d.ranges().size());
            for (long[] r : d.ranges()) {
                w.writeVarUint(r[0]);
                w.writeVarUint(r[1]);
            }
        }
        return e.rest().toByteArray();
    }

    Wire copy() {
        Wire w = new Wire();
        groups.forEach(g -> w.groups.add(g.copy()));
        deletes.forEach(d -> w.deletes.add(new Deletes(d.client(), new ArrayList<>(d.ranges()))));
        return w;
    }

    /** The group of {@code client}, or null. */
    Group group(long client) {
        for (Group g : groups) {
            if (g.client == client) {
                return g;
            }
        }
        return null;
    }

    void delete(long client, long clock, long len) {
        deletes.add(new Deletes(client, new ArrayList<>(List.of(new long[] {clock, len}))));
    }

    /** A detached item as a decoder makes it: the wire's origins, or a parent when it has none. */
    static Item item(long client, long clock, Id origin, Id rightOrigin, ParentRef parent, String key, Content content) {
        boolean placed = origin != null || rightOrigin != null;
        return new Item(new Id(client, clock), null, origin, null, rightOrigin, null, placed ? null : parent,
                placed ? null : key, content);
    }

    /** The same item with other neighbours or parent (content and key kept unless given). */
    static Item with(Item i, Id origin, Id rightOrigin, ParentRef parent, String key) {
        return item(i.client(), i.clock(), origin, rightOrigin, parent, key, i.content());
    }
}
