package eu.vetnet.rooms.breakouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a group is given from the plenary board and what comes back (docs/dialogue.md, "Breakouts"). */
class BreakoutsTests {

    private YDoc plenary;

    private static void put(YDoc doc, String id, Map<String, Object> fields) {
        YMap m = new YMap();
        doc.getMap("objects").set(id, m);
        fields.forEach(m::set);
        m.set("votes", new YMap());
    }

    @BeforeEach
    void board() {
        plenary = new YDoc(1);
        plenary.transact(t -> {
            put(plenary, "f1", Map.of("type", "frame", "x", 0, "y", 0, "w", 400, "h", 300, "text", "Mentoring"));
            put(plenary, "n1", Map.of("type", "note", "owner", "fabio-id", "x", 40, "y", 60));
            put(plenary, "n2", Map.of("type", "note", "owner", "fabio-id", "x", 100, "y", 120));
            put(plenary, "c1", Map.of("type", "connector", "from", "n1", "to", "n2"));
            put(plenary, "far", Map.of("type", "note", "owner", "fabio-id", "x", 900, "y", 60));
            put(plenary, "c2", Map.of("type", "connector", "from", "n1", "to", "far"));
            YText text = new YText();
            ((YMap) plenary.getMap("objects").get("n1")).set("text", text);
            text.insert(0, "Who mentors?");
            ((YMap) ((YMap) plenary.getMap("objects").get("n1")).get("votes")).set("alice-id", true);
        });
    }

    @Test
    void aGroupIsGivenItsFrameWhatIsInsideAndTheConnectorsBetweenThem() {
        List<String> ids = Breakouts.inside(plenary, "f1");
        assertEquals(List.of("f1", "n1", "n2", "c1"), ids);
        YDoc group = new YDoc(2);
        group.transact(t -> Breakouts.seed(plenary, ids, group));
        YMap n1 = (YMap) group.getMap("objects").get("n1");
        assertEquals("Who mentors?", n1.get("text").toString());
        assertEquals(true, ((YMap) n1.get("votes")).get("alice-id"));
        assertNull(group.getMap("objects").get("far"));
        assertThrows(IllegalArgumentException.class, () -> Breakouts.inside(plenary, "n1"));
    }

    @Test
    void theGroupsBoardComesBackMarkedAndWhatItDeletedGoes() {
        List<String> ids = Breakouts.inside(plenary, "f1");
        YDoc group = new YDoc(2);
        group.transact(t -> Breakouts.seed(plenary, ids, group));
        group.transact(t -> {
            group.getMap("objects").delete("n2");
            put(group, "a1", Map.of("type", "note", "owner", "alice-id", "x", 60, "y", 200, "text", "Retired masters"));
            ((YMap) group.getMap("objects").get("f1")).set("text", "renamed by the group");
        });
        int[] written = new int[1];
        plenary.transact(t -> written[0] = Breakouts.copyBack(group, plenary, "f1", ids, "Mentoring"));
        YMap objects = plenary.getMap("objects");
        assertEquals(3, written[0]); // n1, c1, a1: not the frame
        assertEquals("alice-id", ((YMap) objects.get("a1")).get("owner"));
        assertEquals("Mentoring", ((YMap) objects.get("a1")).get(Breakouts.FROM_GROUP));
        assertNull(objects.get("n2"), "deleted by the group");
        assertEquals("Mentoring", ((YMap) objects.get("f1")).get("text"), "the frame is the facilitator's");
        assertNull(((YMap) objects.get("far")).get(Breakouts.FROM_GROUP));
    }
}
