package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.UpdateInspector;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.hook.RoomRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoardPolicyTests {

    private final BoardPolicy policy = new BoardPolicy();
    private final Actor alice = new Actor("alice-id", RoomRole.PARTICIPANT);
    private final Actor bob = new Actor("bob-id", RoomRole.PARTICIPANT);
    private YDoc server;

    @BeforeEach
    void boardWithAlicesNote() {
        server = new YDoc(1);
        Replica a = new Replica(server, 10);
        server.applyUpdate(a.edit(d -> d.getMap("objects").set("n1", note("alice-id", "hello"))));
    }

    private static YMap note(String owner, String text) {
        YMap m = new YMap();
        m.set("type", "sticky");
        m.set("owner", owner);
        m.set("text", text);
        m.set("votes", new YMap());
        return m;
    }

    private Verdict check(Actor actor, long clientId, java.util.function.Consumer<YDoc> edit) {
        byte[] update = new Replica(server, clientId).edit(edit);
        return policy.check(server, UpdateInspector.inspect(server, update), actor);
    }

    @Test
    void aLockedNoteIsChangedAndDeletedByNoParticipantItsOwnerIncludedButTakesVotes() {
        server.applyUpdate(new Replica(server, 2).edit(d -> ((YMap) d.getMap("objects").get("n1")).set("locked", true)));
        assertFalse(check(alice, 10, d -> ((YMap) d.getMap("objects").get("n1")).set("text", "changed")).allowed());
        assertFalse(check(alice, 10, d -> d.getMap("objects").delete("n1")).allowed());
        assertFalse(check(alice, 10, d -> ((YMap) d.getMap("objects").get("n1")).set("locked", false)).allowed());
        assertTrue(check(bob, 20, d -> ((YMap) ((YMap) d.getMap("objects").get("n1")).get("votes")).set("bob-id", true)).allowed());
    }

    @Test
    void onlyFacilitatorsLock() {
        assertFalse(check(alice, 10, d -> ((YMap) d.getMap("objects").get("n1")).set("locked", true)).allowed());
        assertFalse(check(bob, 20, d -> {
            YMap m = note("bob-id", "mine");
            m.set("locked", true);
            d.getMap("objects").set("n2", m);
        }).allowed());
    }

    @Test
    void participantAddsStickyNoteOwnedByThemselves() {
        assertTrue(check(bob, 20, d -> d.getMap("objects").set("n2", note("bob-id", "mine"))).allowed());
    }

    @Test
    void participantCannotAddStickyNoteInSomeoneElsesName() {
        assertFalse(check(bob, 20, d -> d.getMap("objects").set("n2", note("alice-id", "forged"))).allowed());
    }

    @Test
    void participantCannotAddAnObjectWithoutOwner() {
        assertFalse(check(bob, 20, d -> {
            YMap m = new YMap();
            m.set("text", "anonymous");
            d.getMap("objects").set("n2", m);
        }).allowed());
    }

    @Test
    void ownerEditsTheirOwnNote() {
        assertTrue(check(alice, 11, d -> ((YMap) d.getMap("objects").get("n1")).set("text", "edited")).allowed());
    }

    @Test
    void participantCannotEditSomeoneElsesNote() {
        assertFalse(check(bob, 20, d -> ((YMap) d.getMap("objects").get("n1")).set("text", "vandal")).allowed());
    }

    @Test
    void participantCannotTakeOverSomeoneElsesNote() {
        assertFalse(check(bob, 20, d -> ((YMap) d.getMap("objects").get("n1")).set("owner", "bob-id")).allowed());
    }

    @Test
    void ownerCannotGiveTheirNoteAway() {
        assertFalse(check(alice, 11, d -> ((YMap) d.getMap("objects").get("n1")).set("owner", "bob-id")).allowed());
    }

    @Test
    void participantCannotDeleteSomeoneElsesNote() {
        assertFalse(check(bob, 20, d -> d.getMap("objects").delete("n1")).allowed());
    }

    @Test
    void participantCannotReplaceSomeoneElsesNote() {
        assertFalse(check(bob, 20, d -> d.getMap("objects").set("n1", note("bob-id", "replaced"))).allowed());
    }

    @Test
    void ownerDeletesTheirNoteWithEveryonesVotesInIt() {
        server.applyUpdate(new Replica(server, 20).edit(d -> votes(d).set("bob-id", true)));
        assertTrue(check(alice, 11, d -> d.getMap("objects").delete("n1")).allowed());
    }

    @Test
    void participantVotesOnSomeoneElsesNoteUnderTheirOwnId() {
        assertTrue(check(bob, 20, d -> votes(d).set("bob-id", true)).allowed());
    }

    @Test
    void participantCannotVoteUnderSomeoneElsesId() {
        assertFalse(check(bob, 20, d -> votes(d).set("carol-id", true)).allowed());
    }

    @Test
    void participantWithdrawsOnlyTheirOwnVote() {
        server.applyUpdate(new Replica(server, 30).edit(d -> votes(d).set("carol-id", true)));
        server.applyUpdate(new Replica(server, 20).edit(d -> votes(d).set("bob-id", true)));
        assertTrue(check(bob, 21, d -> votes(d).delete("bob-id")).allowed());
        assertFalse(check(bob, 21, d -> votes(d).delete("carol-id")).allowed());
    }

    @Test
    void participantCannotWriteOutsideObjects() {
        assertFalse(check(bob, 20, d -> d.getMap("settings").set("background", "red")).allowed());
    }

    @Test
    void facilitatorsAreNotJudgedByThePolicyButTheCoreSkipsIt() {
        // The core skips policies for facilitators; the policy itself knows nothing of them.
        Actor fabio = new Actor("fabio-id", RoomRole.FACILITATOR);
        assertFalse(check(fabio, 40, d -> d.getMap("objects").delete("n1")).allowed());
    }

    private static YMap votes(YDoc d) {
        return (YMap) ((YMap) d.getMap("objects").get("n1")).get("votes");
    }

    // Found by the adversarial generator (AdversarialRulesTests): an owner could take others' votes without deleting
    // the object, or leave an object without owner.

    @Test
    void ownerCannotReplaceTheVotesMapWithOthersVotesInIt() {
        assertTrue(check(bob, 20, d -> ((YMap) ((YMap) d.getMap("objects").get("n1")).get("votes")).set("bob-id", true)).allowed());
        server.applyUpdate(new Replica(server, 20).edit(d -> ((YMap) ((YMap) d.getMap("objects").get("n1")).get("votes")).set("bob-id", true)));

        assertFalse(check(alice, 11, d -> ((YMap) d.getMap("objects").get("n1")).set("votes", new YMap())).allowed(),
                "replacing the map would drop Bob's vote");
        assertFalse(check(alice, 11, d -> ((YMap) d.getMap("objects").get("n1")).delete("votes")).allowed());
    }

    @Test
    void ownerCannotReplaceTheirWholeObjectButMayDeleteIt() {
        assertFalse(check(alice, 11, d -> d.getMap("objects").set("n1", note("alice-id", "again"))).allowed());
        assertTrue(check(alice, 11, d -> d.getMap("objects").delete("n1")).allowed());
    }

    @Test
    void ownerCannotRemoveTheOwnerOfTheirObject() {
        assertFalse(check(alice, 11, d -> ((YMap) d.getMap("objects").get("n1")).delete("owner")).allowed());
    }

    @Test
    void anObjectCreatedAndDeletedInOneUpdateIsJudgedByItsDeclaredOwner() {
        Verdict createdAndDeleted = check(bob, 20, d -> {
            d.getMap("objects").set("n2", note("bob-id", "gone at once"));
            d.getMap("objects").delete("n2");
        });
        assertTrue(createdAndDeleted.allowed(), createdAndDeleted.reason());
        assertFalse(check(bob, 20, d -> {
            YMap m = note("bob-id", "owner removed at once");
            d.getMap("objects").set("n2", m);
            m.delete("owner");
        }).allowed());
    }
}
