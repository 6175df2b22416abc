package eu.vetnet.crdt.bench;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YText;

/** Scratch timing of the B4 replay; the real harness is CrdtBenchmark. */
public final class B4Quick {
    public static void main(String[] args) {
        EditingTrace trace = EditingTrace.load(EditingTrace.DEFAULT);
        for (int run = 0; run < 5; run++) {
            YDoc doc = new YDoc(1);
            YText text = doc.getText("text");
            long[] bytes = {0};
            doc.onUpdate((u, o, t) -> bytes[0] += u.length);
            long t0 = System.nanoTime();
            for (EditingTrace.Edit e : trace.edits()) {
                if (e.delete() > 0) {
                    text.delete(e.pos(), e.delete());
                }
                if (!e.insert().isEmpty()) {
                    text.insert(e.pos(), e.insert());
                }
            }
            long t1 = System.nanoTime();
            byte[] update = doc.encodeStateAsUpdate();
            long t2 = System.nanoTime();
            YDoc fresh = new YDoc(2);
            fresh.applyUpdate(update);
            long t3 = System.nanoTime();
            System.out.printf("replay %.0f ms, encode %.1f ms (%d bytes), load %.1f ms, equal=%s, structs=%d%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, update.length, (t3 - t2) / 1e6,
                    fresh.getText("text").toString().equals(trace.endContent()),
                    doc.store().clients().get(1L).size());
        }
    }
}
