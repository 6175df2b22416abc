package eu.vetnet.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.DeltaOp;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YEvent;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsTests {

    @Test
    void mapObserversSeeAddUpdateAndDeleteWithOldValues() {
        YDoc doc = new YDoc(1);
        YMap map = doc.getMap("m");
        map.set("a", "first");
        List<Map<String, YEvent.KeyChange>> seen = new ArrayList<>();
        map.observe(e -> seen.add(e.keys()));
        doc.transact(t -> {
            map.set("a", "second");
            map.set("b", 1);
        });
        map.delete("b");
        assertEquals(new YEvent.KeyChange("update", "first"), seen.get(0).get("a"));
        assertEquals(new YEvent.KeyChange("add", null), seen.get(0).get("b"));
        assertEquals("delete", seen.get(1).get("b").action());
    }

    @Test
    void arrayAndTextObserversSeeDeltas() {
        YDoc doc = new YDoc(1);
        YArray array = doc.getArray("a");
        YText text = doc.getText("t");
        array.push(List.of(1, 2, 3));
        text.insert(0, "hello");
        List<List<DeltaOp>> arrayDeltas = new ArrayList<>();
        List<List<DeltaOp>> textDeltas = new ArrayList<>();
        array.observe(e -> arrayDeltas.add(e.delta()));
        text.observe(e -> textDeltas.add(e.delta()));
        doc.transact(t -> {
            array.delete(0, 1);
            array.insert(1, List.of(9));
            text.insert(5, " world", Map.of("bold", true));
        });
        assertEquals(List.of(DeltaOp.delete(1), DeltaOp.retain(1, null), DeltaOp.insert(List.of(9), null)), arrayDeltas.get(0));
        assertEquals(List.of(DeltaOp.retain(5, null), DeltaOp.insert(" world", Map.of("bold", true))), textDeltas.get(0));
    }

    @Test
    void deepObserversGetNestedEventsWithTheirPaths() {
        YDoc doc = new YDoc(1);
        YMap root = doc.getMap("board");
        YMap note = new YMap();
        root.set("n1", note);
        List<List<Object>> paths = new ArrayList<>();
        root.observeDeep((events, t) -> events.forEach(e -> paths.add(e.path())));
        note.set("text", "hi");
        assertEquals(List.of(List.of("n1")), paths);
    }

    @Test
    void remoteChangesFireEventsWithTheTransactionOrigin() {
        YDoc a = new YDoc(1);
        YDoc b = new YDoc(2);
        List<Object> origins = new ArrayList<>();
        b.getText("t").observe(e -> origins.add(e.transaction().origin()));
        a.getText("t").insert(0, "x");
        b.applyUpdate(a.encodeStateAsUpdate(), "provider");
        assertEquals(List.of("provider"), origins);
        assertTrue(!b.getText("t").toString().isEmpty());
    }
}
