package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.Lib0Writer;
import eu.vetnet.crdt.inspect.PathElement;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.inspect.UpdateInspector;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.hook.RoomRole;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-made, well-formed updates that a review got past the board's rules (docs/rooms.md, "What the server checks"), each now
 * judged by what the engine would do with it.
 */
class HostileUpdateTests {

    private static final long ALICE_CLIENT = 100;
    private static final long BOB_CLIENT = 200;

    private final YDoc server = new YDoc(1);
    private final ClientIds clientIds = new ClientIds();
    private final BoardPolicy board = new BoardPolicy();
    private final Actor bob = new Actor("bob-id", RoomRole.PARTICIPANT);

    /** Applies an update as the room server does: checked, applied, client ids claimed. */
    private void accept(byte[] update, String user) {
        Map<Long, Long> before = server.store().getStateVector();
        assertTrue(clientIds.check(server, update, user).allowed());
        server.applyUpdate(update);
        clientIds.claim(before, server.store().getStateVector(), user);
    }

    @BeforeEach
    void alicesNoteOnTheBoard() {
        accept(new Replica(server, ALICE_CLIENT).edit(d -> {
            YMap note = new YMap();
            note.set("type", "note");
            note.set("owner", "alice-id");
            note.set("text", "Alice's idea");
            note.set("votes", new YMap());
            d.getMap("objects").set("n1", note);
        }), "alice-id");
    }

    @Test
    void newClocksUnderSomeoneElsesClientIdAreRefused() {
        // Bob writes under Alice's client id, past her clocks: the engine would integrate the new ones after her newest
        // struct, inside her note (a Yjs replica would change its id on seeing its own clocks, so the bytes are made).
        YDoc forged = new YDoc(ALICE_CLIENT);
        forged.getText("t").insert(0, "x".repeat((int) server.store().getState(ALICE_CLIENT) + 10));
        byte[] update = forged.encodeStateAsUpdate();

        Verdict v = clientIds.check(server, update, "bob-id");

        assertFalse(v.allowed());
        assertTrue(v.reason().contains("belongs to another person"), v.reason());
        assertEquals("alice-id", clientIds.owner(ALICE_CLIENT));
    }

    @Test
    void aClientNamedTwiceInOneUpdateIsRefused() {
        Replica bobs = new Replica(server, BOB_CLIENT);
        byte[] first = bobs.edit(d -> d.getMap("objects").set("b1", note("bob-id")));
        byte[] second = bobs.edit(d -> ((YMap) d.getMap("objects").get("b1")).set("text", "more"));
        // Two single-group updates joined into one update with two groups for client 200.
        byte[] twice = concat(new byte[] {2}, groupOf(first), groupOf(second), new byte[] {0});

        Verdict v = clientIds.check(server, twice, "bob-id");

        assertFalse(v.allowed());
        assertTrue(v.reason().contains("twice"), v.reason());
    }

    @Test
    void aSkipStructIsRefused() {
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(1); // one group
        w.writeVarUint(1); // one struct
        w.writeVarUint(BOB_CLIENT);
        w.writeVarUint(0); // clock
        w.writeUint8(10); // Skip
        w.writeVarUint(5);
        w.writeVarUint(0); // no deletions

        Verdict v = clientIds.check(server, w.toByteArray(), "bob-id");

        assertFalse(v.allowed());
        assertTrue(v.reason().contains("Skip"), v.reason());
    }

    @Test
    void aGcStructTakingSomeoneElsesFutureClocksIsRefused() {
        long aliceState = server.store().getState(ALICE_CLIENT);
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(1);
        w.writeVarUint(1);
        w.writeVarUint(ALICE_CLIENT);
        w.writeVarUint(aliceState);
        w.writeUint8(0); // GC
        w.writeVarUint(1_000);
        w.writeVarUint(0);

        Verdict v = clientIds.check(server, w.toByteArray(), "bob-id");

        assertFalse(v.allowed(), "Alice's next 1,000 clocks stay hers");
        assertTrue(v.reason().contains("belongs to another person"), v.reason());
    }

    @Test
    void aGapBeforeTheUpdatesFirstClockIsRefused() {
        Replica bobs = new Replica(server, BOB_CLIENT);
        byte[] neverSent = bobs.edit(d -> d.getMap("objects").set("b1", note("bob-id")));
        byte[] afterTheGap = bobs.edit(d -> ((YMap) d.getMap("objects").get("b1")).set("text", "after a gap"));

        assertTrue(clientIds.check(server, neverSent, "bob-id").allowed(), "Bob's own contiguous edit passes");
        Verdict v = clientIds.check(server, afterTheGap, "bob-id");

        assertFalse(v.allowed(), "it would wait pending and be applied later unchecked");
        assertTrue(v.reason().contains("missing"), v.reason());
    }

    @Test
    void anItemOverlappingKnownClocksIsJudgedWhereTheEngineWillPutIt() {
        // Alice's client id, Alice herself (so the client-id rule lets it through): a struct that repeats her known
        // clocks and goes on, naming the root 'meta' on the wire. The engine cuts it at the document's clock and
        // integrates the rest right after her newest struct, inside objects/n1.
        long state = server.store().getState(ALICE_CLIENT);
        YDoc forged = new YDoc(ALICE_CLIENT);
        forged.getText("meta").insert(0, "x".repeat((int) state + 3));
        byte[] update = forged.encodeStateAsUpdate();

        List<Touch> touches = UpdateInspector.inspect(server, update);

        assertEquals(1, touches.size(), touches.toString());
        assertEquals(new PathElement.Root("objects"), touches.get(0).parent().get(0),
                "judged at its real place, not at the 'meta' its bytes name: " + touches.get(0).describe());
    }

    @Test
    void anItemOverlappingKnownClocksIsRefusedEvenForItsOwner() {
        long state = server.store().getState(ALICE_CLIENT);
        YDoc forged = new YDoc(ALICE_CLIENT);
        forged.getText("meta").insert(0, "x".repeat((int) state + 3));

        Verdict v = clientIds.check(server, forged.encodeStateAsUpdate(), "alice-id");

        assertFalse(v.allowed(), "the engine would cut it and put the rest somewhere its bytes do not name");
        assertTrue(v.reason().contains("repeats clocks"), v.reason());
    }

    @Test
    void deletingClocksTheDocumentDoesNotHaveIsRefused() {
        // Bob deletes clocks of Alice's she has not written yet: a pending delete would remove her next edit for
        // everyone but her.
        long aliceState = server.store().getState(ALICE_CLIENT);
        Lib0Writer w = new Lib0Writer();
        w.writeVarUint(0); // no structs
        w.writeVarUint(1); // delete set: one client
        w.writeVarUint(ALICE_CLIENT);
        w.writeVarUint(1); // one range
        w.writeVarUint(aliceState);
        w.writeVarUint(5);

        Verdict v = clientIds.check(server, w.toByteArray(), "bob-id");

        assertFalse(v.allowed());
        assertTrue(v.reason().contains("does not have"), v.reason());
    }

    @Test
    void deletingWhatTheSameUpdateInsertsIsAllowed() {
        Replica bobs = new Replica(server, BOB_CLIENT);
        byte[] update = bobs.edit(d -> {
            d.getMap("objects").set("b1", note("bob-id"));
            d.getMap("objects").delete("b1");
        });

        assertTrue(clientIds.check(server, update, "bob-id").allowed());
    }

    @Test
    void aSubdocumentIsRefused() {
        byte[] update = new Replica(server, BOB_CLIENT).edit(d -> d.getMap("objects").set("sub", new YDoc()));

        Verdict v = clientIds.check(server, update, "bob-id");

        assertFalse(v.allowed());
        assertTrue(v.reason().contains("subdocument"), v.reason());
    }

    @Test
    void aLongRunOfItemsInOneUpdateIsPlacedEveryOne() {
        // 500 objects pushed in one transaction: each names only its left neighbour. The inspector once walked the
        // whole run for each item, and gave up after 64 steps (refusing an honest update).
        byte[] update = new Replica(server, BOB_CLIENT).edit(d -> {
            eu.vetnet.crdt.types.YArray list = new eu.vetnet.crdt.types.YArray();
            d.getMap("objects").set("list", list);
            for (int i = 0; i < 500; i++) {
                list.push(List.of(new YMap()));
            }
        });

        List<Touch> touches = UpdateInspector.inspect(server, update);

        assertEquals(501, touches.size());
        assertTrue(Policies.placement(touches).allowed(), touches.get(touches.size() - 1).describe());
    }

    @Test
    void contentNestedDeeperThanTheLimitIsRefused() {
        byte[] deep = new Replica(server, BOB_CLIENT).edit(d -> {
            YMap object = note("bob-id");
            d.getMap("objects").set("b1", object);
            YMap level = object;
            for (int i = 0; i < Policies.MAX_NESTING + 5; i++) {
                YMap next = new YMap();
                level.set("child", next);
                level = next;
            }
            level.set("leaf", "deep");
        });
        List<Touch> touches = UpdateInspector.inspect(server, deep);

        Verdict v = Policies.placement(touches);

        assertFalse(v.allowed());
        assertTrue(v.reason().contains("deep"), v.reason());
        assertTrue(board.check(server, touches, bob).allowed(), "the board policy alone would have let it in");
    }

    private static YMap note(String owner) {
        YMap m = new YMap();
        m.set("type", "note");
        m.set("owner", owner);
        m.set("votes", new YMap());
        return m;
    }

    /** The struct group of a v1 update with exactly one group and no deletions. */
    private static byte[] groupOf(byte[] update) {
        assertEquals(1, update[0], "one group");
        assertEquals(0, update[update.length - 1], "no deletions");
        return Arrays.copyOfRange(update, 1, update.length - 1);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
