package eu.vetnet.crdt.protocol;

import eu.vetnet.crdt.encoding.DecodingException;
import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.crdt.encoding.Lib0Reader;
import eu.vetnet.crdt.encoding.Lib0Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An awareness update of y-protocols: for each client its clock and its state as JSON text ({@code null}
 * removes the client). Wire: {@code varUint count, (varUint client, varUint clock, varString json)*}.
 */
public record AwarenessUpdate(List<Entry> entries) {

    /** One client's state; {@code state} is the decoded JSON value, null for "gone". */
    public record Entry(long clientId, long clock, Object state) {
    }

    public byte[] encode() {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(entries.size());
        for (Entry e : entries) {
            w.writeVarUint(e.clientId());
            w.writeVarUint(e.clock());
            w.writeVarString(e.state() == null ? "null" : JsJson.stringify(e.state()));
        }
        return w.toByteArray();
    }

    /** Decodes with limits: at most {@code maxEntries} clients, each state at most {@code maxStateBytes}. */
    public static AwarenessUpdate decode(byte[] bytes, int maxEntries, int maxStateBytes) {
        Lib0Reader r = new Lib0Reader(bytes);
        int n = r.readCount(3);
        if (n > maxEntries) {
            throw new DecodingException("awareness update names " + n + " clients, over the limit of " + maxEntries);
        }
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long client = r.readVarUint();
            long clock = r.readVarUint();
            int start = r.position();
            String json = r.readVarString();
            if (r.position() - start > (long) maxStateBytes + 5) {
                throw new DecodingException("awareness state of " + (r.position() - start)
                        + " bytes over the limit of " + maxStateBytes);
            }
            entries.add(new Entry(client, clock, JsJson.parse(json)));
        }
        return new AwarenessUpdate(entries);
    }

    public static AwarenessUpdate decode(byte[] bytes) {
        return decode(bytes, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The same update with each non-null state replaced by {@code modify(state)}. */
    public AwarenessUpdate map(UnaryOperator<Object> modify) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(new Entry(e.clientId(), e.clock(), e.state() == null ? null : modify.apply(e.state())));
        }
        return new AwarenessUpdate(out);
    }
}
