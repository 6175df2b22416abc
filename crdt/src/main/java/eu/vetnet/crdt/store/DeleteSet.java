package eu.vetnet.crdt.store;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.UpdateDecoder;
import eu.vetnet.crdt.encoding.UpdateEncoder;
import eu.vetnet.crdt.struct.Id;
import eu.vetnet.crdt.struct.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deleted id ranges per client. Written sorted and merged, clients by descending id, as Yjs writes them. */
public final class DeleteSet {

    /** One deleted range. */
    public record Range(long clock, long len) {
        public long end() {
            return clock + len;
        }
    }

    private final Map<Long, List<Range>> clients = new LinkedHashMap<>();

    public Map<Long, List<Range>> clients() {
        return clients;
    }

    public boolean isEmpty() {
        return clients.isEmpty();
    }

    public void add(long client, long clock, long len) {
        clients.computeIfAbsent(client, c -> new ArrayList<>()).add(new Range(clock, len));
    }

    public boolean contains(Id id) {
        List<Range> ranges = clients.get(id.client());
        return ranges != null && findIndex(ranges, id.clock()) >= 0;
    }

    /** Binary search over sorted, merged ranges; -1 when no range holds {@code clock}. */
    public static int findIndex(List<Range> ranges, long clock) {
        int left = 0;
        int right = ranges.size() - 1;
        while (left <= right) {
            int mid = (left + right) >>> 1;
            Range r = ranges.get(mid);
            if (r.clock() <= clock) {
                if (clock < r.clock() + r.len()) {
                    return mid;
                }
                left = mid + 1;
            } else {
                right = mid - 1;
            }
        }
        return -1;
    }

    /** Sorts each client's ranges and merges the ones that touch or overlap. */
    public void sortAndMerge() {
        for (List<Range> dels : clients.values()) {
            sortAndMerge(dels);
        }
    }

    private static void sortAndMerge(List<Range> dels) {
        dels.sort((a, b) -> Long.compare(a.clock(), b.clock()));
        int j = 1;
        for (int i = 1; i < dels.size(); i++) {
            Range left = dels.get(j - 1);
            Range right = dels.get(i);
            if (left.clock() + left.len() >= right.clock()) {
                dels.set(j - 1, new Range(left.clock(), Math.max(left.len(), right.clock() + right.len() - left.clock())));
            } else {
                if (j < i) {
                    dels.set(j, right);
                }
                j++;
            }
        }
        if (dels.size() > j) {
            dels.subList(j, dels.size()).clear();
        }
    }

    public static DeleteSet merge(List<DeleteSet> sets) {
        DeleteSet merged = new DeleteSet();
        for (int i = 0; i < sets.size(); i++) {
            for (Map.Entry<Long, List<Range>> e : sets.get(i).clients.entrySet()) {
                if (!merged.clients.containsKey(e.getKey())) {
                    List<Range> dels = new ArrayList<>(e.getValue());
                    for (int k = i + 1; k < sets.size(); k++) {
                        List<Range> more = sets.get(k).clients.get(e.getKey());
                        if (more != null) {
                            dels.addAll(more);
                        }
                    }
                    merged.clients.put(e.getKey(), dels);
                }
            }
        }
        merged.sortAndMerge();
        return merged;
    }

    /** The deleted ranges of a store: runs of adjacent deleted structs. */
    public static DeleteSet fromStore(StructStore store) {
        DeleteSet ds = new DeleteSet();
        for (Map.Entry<Long, StructList> e : store.clients().entrySet()) {
            StructList structs = e.getValue();
            List<Range> ranges = new ArrayList<>();
            for (int i = 0; i < structs.size(); i++) {
                Struct s = structs.get(i);
                if (s.isDeleted()) {
                    long clock = s.clock();
                    long len = s.length();
                    while (i + 1 < structs.size() && structs.get(i + 1).isDeleted()) {
                        len += structs.get(++i).length();
                    }
                    ranges.add(new Range(clock, len));
                }
            }
            if (!ranges.isEmpty()) {
                ds.clients.put(e.getKey(), ranges);
            }
        }
        return ds;
    }

    public void write(UpdateEncoder encoder) {
        encoder.rest().writeVarUint(clients.size());
        List<Long> ids = new ArrayList<>(clients.keySet());
        ids.sort((a, b) -> Long.compare(b, a));
        for (Long client : ids) {
            List<Range> ranges = clients.get(client);
            encoder.resetDsCurVal();
            encoder.rest().writeVarUint(client);
            encoder.rest().writeVarUint(ranges.size());
            for (Range r : ranges) {
                encoder.writeDsClock(r.clock());
                encoder.writeDsLen(r.len());
            }
        }
    }

    public static DeleteSet read(UpdateDecoder decoder) {
        DeleteSet ds = new DeleteSet();
        int numClients = decoder.rest().readCount(2);
        for (int i = 0; i < numClients; i++) {
            decoder.resetDsCurVal();
            long client = decoder.rest().readVarUint();
            int n = decoder.rest().readCount(2);
            if (n > 0) {
                List<Range> ranges = ds.clients.computeIfAbsent(client, c -> new ArrayList<>());
                for (int k = 0; k < n; k++) {
                    long clock = decoder.readDsClock();
                    long len = decoder.readDsLen();
                    if (clock + len > Integer.MAX_VALUE) {
                        // the same bound as struct clocks (see StructDecoding.MAX_CLOCK)
                        throw new DecodingException("deleted range " + clock + "+" + len + " over the clock limit");
                    }
                    ranges.add(new Range(clock, len));
                }
            }
        }
        return ds;
    }

    public boolean sameAs(DeleteSet other) {
        if (clients.size() != other.clients.size()) {
            return false;
        }
        for (Map.Entry<Long, List<Range>> e : clients.entrySet()) {
            List<Range> o = other.clients.get(e.getKey());
            if (o == null || !o.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
