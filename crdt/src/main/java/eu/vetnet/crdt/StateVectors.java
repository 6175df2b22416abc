package eu.vetnet.crdt;

import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State vectors (client to next expected clock) and their encoding: count, then pairs by descending client. */
public final class StateVectors {

    private StateVectors() {
    }

    public static byte[] encode(Map<Long, Long> sv) {
        Lib0Writer w = new Lib0Writer(2 + sv.size() * 8);
        write(w, sv);
        return w.toByteArray();
    }

    public static void write(Lib0Writer w, Map<Long, Long> sv) {
        w.writeVarUint(sv.size());
        List<Long> clients = new ArrayList<>(sv.keySet());
        clients.sort((a, b) -> Long.compare(b, a));
        for (Long client : clients) {
            w.writeVarUint(client);
            w.writeVarUint(sv.get(client));
        }
    }

    public static Map<Long, Long> decode(byte[] bytes) {
        return read(new Lib0Reader(bytes));
    }

    public static Map<Long, Long> read(Lib0Reader r) {
        int n = r.readCount(2);
        Map<Long, Long> sv = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            long client = r.readVarUint();
            long clock = r.readVarUint();
            sv.put(client, clock);
        }
        return sv;
    }
}
