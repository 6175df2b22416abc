package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.UpdateInspector;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.privatenotes.PrivateNotes;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phases classify a change by where the engine puts it, and the workshop's rules decide (docs/rooms.md, "Phases"). */
class PhaseRulesTests {

    private YDoc board;
    private YDoc workshop;

    @BeforeEach
    void roomWithANote() {
        board = new YDoc(1);
        board.applyUpdate(new Replica(board, 10).edit(d -> d.getMap("objects").set("n1", note("alice-id"))));
        workshop = new YDoc(2);
        workshop.applyUpdate(new Replica(workshop, 3).edit(d -> d.getMap("questions").set("q1", question("alice-id"))));
    }

    private static YMap note(String owner) {
        YMap m = new YMap();
        m.set("owner", owner);
        m.set("text", "idea");
        m.set("votes", new YMap());
        return m;
    }

    private static YMap question(String owner) {
        YMap m = new YMap();
        m.set("owner", owner);
        m.set("text", "why?");
        m.set("upvotes", new YMap());
        return m;
    }

    private void phase(String phase, Object rule) {
        workshop.applyUpdate(new Replica(workshop, 4).edit(d -> {
            YMap settings = d.getMap("workshop");
            settings.set("phase", phase);
            YMap rules = new YMap();
            settings.set("phaseRules", rules);
            rules.set(phase, rule);
        }));
    }

    private Set<String> activities(YDoc doc, String name, Consumer<YDoc> edit) {
        return PhaseRules.activitiesOf(name, UpdateInspector.inspect(doc, new Replica(doc, 20).edit(edit)));
    }

    private Verdict check(YDoc doc, String name, Consumer<YDoc> edit) {
        return PhaseRules.check(name, UpdateInspector.inspect(doc, new Replica(doc, 20).edit(edit)), workshop);
    }

    private static YMap votesOf(YDoc d, String root, String entry, String ballots) {
        return (YMap) ((YMap) d.getMap(root).get(entry)).get(ballots);
    }

    @Test
    void aChangeIsNamedByWhatItDoes() {
        assertEquals(Set.of("add"), activities(board, "board", d -> d.getMap("objects").set("n2", note("bob-id"))));
        assertEquals(Set.of("edit"), activities(board, "board", d -> ((YMap) d.getMap("objects").get("n1")).set("text", "better")));
        assertEquals(Set.of("edit"), activities(board, "board", d -> d.getMap("objects").delete("n1")));
        assertEquals(Set.of("vote"), activities(board, "board", d -> votesOf(d, "objects", "n1", "votes").set("bob-id", true)));
        assertEquals(Set.of("ask"), activities(workshop, "workshop", d -> votesOf(d, "questions", "q1", "upvotes").set("bob-id", true)));
        assertEquals(Set.of("statements"), activities(workshop, "workshop", d -> d.getMap("statements").set("s1", question("bob-id"))));
        assertEquals(Set.of("vote"), activities(workshop, "workshop", d -> d.getMap("votes").set("p1", new YMap())));
        YDoc notes = new YDoc(5);
        assertEquals(Set.of("write"), activities(notes, "notes", d -> d.getXmlFragment("default").insert(0, List.of(new eu.vetnet.crdt.types.YXmlText()))));
        YDoc mine = new YDoc(6);
        assertEquals(Set.of("private"), activities(mine, PrivateNotes.documentOf("bob-id"), d -> d.getMap("objects").set("p1", note("bob-id"))));
        assertEquals(Set.of(), activities(new YDoc(7), "handout", d -> d.getMap("anything").set("k", 1)));
    }

    @Test
    void withoutRulesForThePhaseEverythingIsAllowed() {
        assertTrue(check(board, "board", d -> d.getMap("objects").set("n2", note("bob-id"))).allowed());
        phase("gather", List.of("add", "edit"));
        workshop.applyUpdate(new Replica(workshop, 4).edit(d -> d.getMap("workshop").set("phase", "discuss")));
        assertTrue(check(board, "board", d -> votesOf(d, "objects", "n1", "votes").set("bob-id", true)).allowed());
    }

    @Test
    void aPhaseAllowsOnlyWhatItsRuleLists() {
        phase("silent", List.of("private"));
        Verdict add = check(board, "board", d -> d.getMap("objects").set("n2", note("bob-id")));
        assertFalse(add.allowed());
        assertTrue(add.reason().contains("'silent' allows private") && add.reason().contains("add"), add.reason());
        assertFalse(check(board, "board", d -> votesOf(d, "objects", "n1", "votes").set("bob-id", true)).allowed());
        assertFalse(check(workshop, "workshop", d -> votesOf(d, "questions", "q1", "upvotes").set("bob-id", true)).allowed());
        YDoc mine = new YDoc(6);
        assertTrue(check(mine, PrivateNotes.documentOf("bob-id"), d -> d.getMap("objects").set("p1", note("bob-id"))).allowed());

        phase("vote", List.of("vote"));
        assertTrue(check(board, "board", d -> votesOf(d, "objects", "n1", "votes").set("bob-id", true)).allowed());
        assertFalse(check(board, "board", d -> ((YMap) d.getMap("objects").get("n1")).set("text", "sneaky")).allowed());
        // A new note that carries its author's own like is an addition and a vote: both must be allowed.
        assertFalse(check(board, "board", d -> {
            YMap n = note("bob-id");
            d.getMap("objects").set("n3", n);
            ((YMap) n.get("votes")).set("bob-id", true);
        }).allowed());
    }

    @Test
    void aRuleThatIsNoListAllowsNothing() {
        phase("broken", "add");
        Verdict v = check(board, "board", d -> d.getMap("objects").set("n2", note("bob-id")));
        assertFalse(v.allowed());
        assertTrue(v.reason().contains("allows nothing"), v.reason());
    }

    @Test
    void everyActivityTheServerNamesIsDefinedForTheApp() {
        assertEquals(Set.of("add", "edit", "vote", "private", "ask", "statements", "write"), PhaseRules.activities().keySet());
    }
}
