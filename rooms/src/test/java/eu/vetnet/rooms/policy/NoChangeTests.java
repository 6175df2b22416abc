package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An update that changes nothing is told apart by its effect: a synced copy's answer to sync step 1 carries the
 * document's whole delete set (so it is never empty after a deletion) and still changes nothing.
 */
class NoChangeTests {

    private YDoc server;

    @BeforeEach
    void roomWithADeletion() {
        server = new YDoc(1);
        server.transact(t -> {
            server.getMap("objects").set("kept", "a note");
            server.getMap("objects").set("gone", "an image");
        });
        server.transact(t -> server.getMap("objects").delete("gone"));
    }

    private static boolean changesNothing(YDoc doc, byte[] update) {
        return NoChange.changesNothing(doc, DecodedUpdate.of(update));
    }

    @Test
    void aSyncedCopysAnswerCarriesTheDeleteSetAndChangesNothing() {
        YDoc reader = new YDoc(7);
        reader.applyUpdate(server.encodeStateAsUpdate());

        byte[] answer = reader.encodeStateAsUpdate(server.encodeStateVector());

        assertFalse(answer.length == 2 && answer[0] == 0 && answer[1] == 0, "the answer is not the empty update: it holds the delete set");
        assertTrue(changesNothing(server, answer));
    }

    @Test
    void aNewStructOrANewDeletionIsAChange() {
        Replica reader = new Replica(server, 7);
        assertFalse(changesNothing(server, reader.edit(d -> d.getMap("objects").set("new", "x"))));

        Replica other = new Replica(server, 8);
        assertFalse(changesNothing(server, other.edit(d -> d.getMap("objects").delete("kept"))));
    }

    @Test
    void aCopyThatKnowsMoreThanTheServerIsAChange() {
        YDoc reader = new YDoc(7);
        reader.applyUpdate(server.encodeStateAsUpdate());
        byte[] before = server.encodeStateVector();
        reader.transact(t -> reader.getMap("objects").set("offline", "written while away"));

        assertFalse(changesNothing(server, reader.encodeStateAsUpdate(before)));
    }
}
