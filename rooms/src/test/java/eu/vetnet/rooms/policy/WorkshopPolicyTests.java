package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.inspect.UpdateInspector;
import eu.vetnet.crdt.types.YArray;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.rooms.hook.RoomRole;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkshopPolicyTests {

    private final WorkshopPolicy policy = new WorkshopPolicy();
    private final Actor alice = new Actor("alice-id", RoomRole.PARTICIPANT);
    private YDoc server;

    @BeforeEach
    void workshopSetUpByFacilitator() {
        server = new YDoc(1);
        server.applyUpdate(new Replica(server, 5).edit(d -> {
            YMap w = d.getMap("workshop");
            YArray agenda = new YArray();
            agenda.push(List.of("Welcome"));
            w.set("agenda", agenda);
            YMap timer = new YMap();
            timer.set("endsAt", 0);
            w.set("timer", timer);
            w.set("phase", "intro");
            YMap poll = new YMap();
            d.getMap("votes").set("p1", poll);
            YMap q = new YMap();
            q.set("text", "Why?");
            q.set("owner", "bob-id");
            q.set("upvotes", new YMap());
            d.getMap("questions").set("q1", q);
        }));
    }

    private Verdict check(Actor actor, long clientId, Consumer<YDoc> edit) {
        byte[] update = new Replica(server, clientId).edit(edit);
        return policy.check(server, UpdateInspector.inspect(server, update), actor);
    }

    @Test
    void participantCannotChangeTheAgenda() {
        assertFalse(check(alice, 10, d -> ((YArray) d.getMap("workshop").get("agenda")).push(List.of("Coffee"))).allowed());
    }

    @Test
    void participantCannotChangeTheTimer() {
        assertFalse(check(alice, 10, d -> ((YMap) d.getMap("workshop").get("timer")).set("endsAt", 99)).allowed());
    }

    @Test
    void participantCannotChangeThePhase() {
        assertFalse(check(alice, 10, d -> d.getMap("workshop").set("phase", "vote")).allowed());
    }

    @Test
    void participantVotesInAPollUnderTheirOwnId() {
        assertTrue(check(alice, 10, d -> ((YMap) d.getMap("votes").get("p1")).set("alice-id", "B")).allowed());
    }

    @Test
    void participantCannotVoteForSomeoneElse() {
        assertFalse(check(alice, 10, d -> ((YMap) d.getMap("votes").get("p1")).set("bob-id", "B")).allowed());
    }

    @Test
    void participantCannotOpenAPoll() {
        assertFalse(check(alice, 10, d -> d.getMap("votes").set("p2", new YMap())).allowed());
    }

    @Test
    void participantAsksAQuestionAndUpvotesSomeoneElses() {
        assertTrue(check(alice, 10, d -> {
            YMap q = new YMap();
            q.set("text", "How?");
            q.set("owner", "alice-id");
            q.set("upvotes", new YMap());
            d.getMap("questions").set("q2", q);
        }).allowed());
        assertTrue(check(alice, 11, d -> upvotes(d).set("alice-id", true)).allowed());
    }

    @Test
    void participantCannotUpvoteForSomeoneElseOrEditTheirQuestion() {
        assertFalse(check(alice, 10, d -> upvotes(d).set("carol-id", true)).allowed());
        assertFalse(check(alice, 10, d -> ((YMap) d.getMap("questions").get("q1")).set("text", "changed")).allowed());
    }

    @Test
    void notesLetEveryWriterEditTheTiptapFragmentOnly() {
        NotesPolicy notes = new NotesPolicy();
        YDoc doc = new YDoc(1);
        byte[] ok = new Replica(doc, 10).edit(d -> d.getXmlFragment("default").insert(0, List.of(new eu.vetnet.crdt.types.YXmlText())));
        assertTrue(notes.check(doc, UpdateInspector.inspect(doc, ok), alice).allowed());
        byte[] elsewhere = new Replica(doc, 11).edit(d -> d.getMap("other").set("x", 1));
        assertFalse(notes.check(doc, UpdateInspector.inspect(doc, elsewhere), alice).allowed());
    }

    private static YMap upvotes(YDoc d) {
        return (YMap) ((YMap) d.getMap("questions").get("q1")).get("upvotes");
    }
}
