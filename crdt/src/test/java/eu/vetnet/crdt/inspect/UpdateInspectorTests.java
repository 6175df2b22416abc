package eu.vetnet.crdt.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateInspectorTests {

    private static byte[] capture(YDoc doc, Runnable change) {
        List<byte[]> out = new ArrayList<>();
        var sub = doc.onUpdate((u, o, t) -> out.add(u));
        change.run();
        sub.close();
        assertEquals(1, out.size());
        return out.get(0);
    }

    @Test
    void newStickyNoteIsReportedUnderItsKeyAndItsFieldsUnderTheNotePath() {
        YDoc server = new YDoc(1);
        server.getMap("notes");
        YDoc client = new YDoc(2);
        client.applyUpdate(server.encodeStateAsUpdate());
        byte[] update = capture(client, () -> {
            YMap note = new YMap();
            note.set("owner", "alice");
            note.set("text", "Skills gap in welding");
            client.getMap("notes").set("n1", note);
        });
        List<Touch> touches = UpdateInspector.inspect(server, update);
        assertTrue(touches.stream().anyMatch(t -> t.kind() == Touch.Kind.INSERT && t.root().equals("notes")
                && t.parent().size() == 1 && "n1".equals(t.key())), touches.toString());
        assertTrue(touches.stream().anyMatch(t -> t.kind() == Touch.Kind.INSERT && t.parent().size() == 2
                && t.parent().get(1).equals(new PathElement.Key("n1")) && "text".equals(t.key())), touches.toString());
        assertEquals("", server.getMap("notes").toJson().toString().replace("{}", ""), "inspecting must not apply");
    }

    @Test
    void editOfAnExistingNoteAndDeletionAreReportedWithTheirAuthor() {
        YDoc alice = new YDoc(10);
        YMap note = new YMap();
        alice.getMap("notes").set("n1", note);
        note.set("text", "first");
        YDoc bob = new YDoc(20);
        bob.applyUpdate(alice.encodeStateAsUpdate());
        YDoc server = new YDoc(1);
        server.applyUpdate(alice.encodeStateAsUpdate());

        byte[] edit = capture(bob, () -> ((YMap) bob.getMap("notes").get("n1")).set("text", "changed by bob"));
        List<Touch> touches = UpdateInspector.inspect(server, edit);
        Touch insert = touches.stream().filter(t -> t.kind() == Touch.Kind.INSERT).findFirst().orElseThrow();
        assertEquals(List.of(new PathElement.Root("notes"), new PathElement.Key("n1")), insert.parent());
        assertEquals("text", insert.key());
        Touch delete = touches.stream().filter(t -> t.kind() == Touch.Kind.DELETE).findFirst().orElseThrow();
        assertEquals(10, delete.author(), "the overwritten value was alice's");
        assertEquals("text", delete.key());
    }

    @Test
    void listInsertAfterAnExistingElementIsPlacedInThatList() {
        YDoc alice = new YDoc(10);
        YArray agenda = alice.getMap("workshop").get("agenda") == null ? new YArray() : null;
        alice.getMap("workshop").set("agenda", agenda);
        agenda.push(List.of("Welcome"));
        YDoc server = new YDoc(1);
        server.applyUpdate(alice.encodeStateAsUpdate());
        byte[] update = capture(alice, () -> agenda.push(List.of("Skills canvas")));
        List<Touch> touches = UpdateInspector.inspect(server, update);
        assertEquals(1, touches.size());
        assertEquals(List.of(new PathElement.Root("workshop"), new PathElement.Key("agenda")), touches.get(0).parent());
        assertEquals(null, touches.get(0).key());
    }

    @Test
    void deletionOfContentNotSeenYetIsReportedAsNotPlaceable() {
        YDoc alice = new YDoc(10);
        alice.getMap("notes").set("n1", "draft");
        byte[] created = alice.encodeStateAsUpdate();
        byte[] deleted = capture(alice, () -> alice.getMap("notes").delete("n1"));
        YDoc server = new YDoc(1); // has not seen the note: the delete would wait pending, unchecked
        List<Touch> touches = UpdateInspector.inspect(server, deleted);
        assertTrue(touches.stream().anyMatch(t -> t.kind() == Touch.Kind.DELETE && t.parent().isEmpty()), touches.toString());
        server.applyUpdate(created);
        List<Touch> known = UpdateInspector.inspect(server, deleted);
        assertTrue(known.stream().allMatch(t -> !t.parent().isEmpty()), known.toString());
    }

    @Test
    void insertAfterAGapInItsClientsClocksIsReportedAsNotPlaceable() {
        YDoc alice = new YDoc(10);
        alice.getText("t").insert(0, "first ");
        byte[] second = capture(alice, () -> alice.getText("t").insert(6, "second"));
        YDoc server = new YDoc(1); // lacks "first ": "second" would wait for it
        List<Touch> touches = UpdateInspector.inspect(server, second);
        assertTrue(touches.stream().allMatch(t -> t.parent().isEmpty()), touches.toString());
    }
}
