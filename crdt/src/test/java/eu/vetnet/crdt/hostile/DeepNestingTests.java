package eu.vetnet.crdt.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Types nested far deeper than any honest document: deleting and collecting them must not recurse once per level
 * (a stack overflow inside a transaction would leave the document half-changed), and the document must keep
 * emitting updates afterwards.
 */
class DeepNestingTests {

    private static final int LEVELS = 20_000;

    private static void nest(YDoc doc, int levels) {
        doc.transact(t -> nestIn(doc, levels));
    }

    private static void nestIn(YDoc doc, int levels) {
        YMap top = new YMap();
        doc.getMap("root").set("top", top);
        YMap level = top;
        for (int i = 0; i < levels; i++) {
            YMap next = new YMap();
            level.set("child", next);
            level = next;
        }
        level.set("leaf", "deep");
    }

    @Test
    void deletingATypeNestedTwentyThousandDeepNeitherOverflowsNorStopsTheDocument() {
        YDoc doc = new YDoc(7);
        nest(doc, LEVELS);
        List<byte[]> emitted = new ArrayList<>();
        doc.onUpdate((u, o, t) -> emitted.add(u));

        doc.getMap("root").delete("top"); // deletes, then collects, every level

        assertEquals(1, emitted.size(), "the deletion was emitted");
        doc.getMap("root").set("after", "still alive");
        assertEquals(2, emitted.size(), "and the document still emits updates");
        assertEquals("still alive", doc.getMap("root").get("after"));
    }

    @Test
    void aReplicaReceivingTheDeletionConvergesWithTheWriter() {
        YDoc writer = new YDoc(7);
        nest(writer, LEVELS);
        YDoc reader = new YDoc(8);
        reader.applyUpdate(writer.encodeStateAsUpdate());
        List<byte[]> emitted = new ArrayList<>();
        writer.onUpdate((u, o, t) -> emitted.add(u));

        writer.getMap("root").delete("top");
        reader.applyUpdate(emitted.get(0));

        assertTrue(reader.getMap("root").get("top") == null);
        assertArrayEquals(writer.encodeStateVector(), reader.encodeStateVector());
        assertArrayEquals(writer.encodeStateAsUpdate(), reader.encodeStateAsUpdate(),
                "both collected the same structs: same bytes");
    }
}
