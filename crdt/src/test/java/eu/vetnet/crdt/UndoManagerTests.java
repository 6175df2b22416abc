package eu.vetnet.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UndoManagerTests {

    /** As a provider does: remote updates carry an origin, so undo (tracking null by default) skips them. */
    private static void sync(YDoc a, YDoc b) {
        a.applyUpdate(b.encodeStateAsUpdate(a.encodeStateVector()), "remote");
        b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()), "remote");
    }

    private final AtomicLong now = new AtomicLong(1_000);

    private UndoManager undoFor(YText text) {
        return new UndoManager(List.of(text), UndoManager.Options.defaults().withClock(now::get));
    }

    @Test
    void undoRemovesOwnInsertAndRedoBringsItBack() {
        YDoc doc = new YDoc(1);
        YText text = doc.getText("t");
        UndoManager um = undoFor(text);
        text.insert(0, "abc");
        now.addAndGet(1_000);
        text.insert(3, "def");
        assertEquals("abcdef", text.toString());
        um.undo();
        assertEquals("abc", text.toString());
        um.undo();
        assertEquals("", text.toString());
        um.redo();
        assertEquals("abc", text.toString());
        um.redo();
        assertEquals("abcdef", text.toString());
        assertFalse(um.canRedo());
    }

    @Test
    void changesWithinTheCaptureTimeoutAreOneStep() {
        YDoc doc = new YDoc(1);
        YText text = doc.getText("t");
        UndoManager um = undoFor(text);
        text.insert(0, "a");
        now.addAndGet(100);
        text.insert(1, "b");
        um.undo();
        assertEquals("", text.toString());
    }

    @Test
    void undoKeepsOtherUsersEditsAndRestoresDeletedText() {
        YDoc alice = new YDoc(1);
        YDoc bob = new YDoc(2);
        YText a = alice.getText("t");
        YText b = bob.getText("t");
        a.insert(0, "hello world");
        sync(alice, bob);
        UndoManager um = undoFor(a);
        a.delete(0, 6); // "world"
        sync(alice, bob);
        b.insert(b.length(), "!");
        sync(alice, bob);
        assertEquals("world!", a.toString());
        um.undo();
        sync(alice, bob);
        assertEquals("hello world!", a.toString());
        assertEquals("hello world!", b.toString());
    }

    @Test
    void remoteChangesAreNotUndone() {
        YDoc alice = new YDoc(1);
        YDoc bob = new YDoc(2);
        UndoManager um = undoFor(alice.getText("t"));
        bob.getText("t").insert(0, "bob");
        sync(alice, bob);
        assertFalse(um.canUndo());
        assertNull(um.undo());
        assertEquals("bob", alice.getText("t").toString());
    }

    @Test
    void onlyTrackedOriginsAreCaptured() {
        YDoc doc = new YDoc(1);
        YMap map = doc.getMap("m");
        Object mine = "local-user";
        UndoManager um = new UndoManager(List.of(map), UndoManager.Options.defaults()
                .withTrackedOrigins(Set.of(mine)).withClock(now::get));
        doc.transact(t -> map.set("a", 1), mine);
        now.addAndGet(1_000);
        doc.transact(t -> map.set("b", 2), "template-loader");
        um.undo();
        assertFalse(map.has("a"));
        assertTrue(map.has("b"));
    }

    @Test
    void undoOfMapOverwriteRestoresThePreviousValueAndNestedTypes() {
        YDoc doc = new YDoc(1);
        YMap map = doc.getMap("m");
        UndoManager um = new UndoManager(List.of(map), UndoManager.Options.defaults().withClock(now::get));
        YArray list = new YArray();
        map.set("list", list);
        list.push(List.of(1, 2));
        now.addAndGet(1_000);
        map.set("list", "replaced");
        assertEquals("replaced", map.get("list"));
        um.undo();
        assertEquals("[1, 2]", ((YArray) map.get("list")).toJson().toString());
        um.undo();
        assertFalse(map.has("list"));
        um.redo();
        um.redo();
        assertEquals("replaced", map.get("list"));
    }
}
