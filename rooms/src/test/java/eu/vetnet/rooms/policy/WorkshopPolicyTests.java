package eu.vetnet.rooms.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            YMap polls = new YMap();
            w.set("polls", polls);
            polls.set("choice", poll("open", null, List.of("yes", "no"), 0, List.of()));
            polls.set("closed", poll("closed", null, List.of("yes", "no"), 0, List.of()));
            polls.set("dots", poll("open", "dots", null, 3, List.of("n1", "n2", "n3")));
            for (String id : List.of("choice", "closed", "dots")) {
                d.getMap("votes").set(id, new YMap());
            }
        }));
        // Bob voted before the poll closed.
        server.applyUpdate(new Replica(server, 6).edit(d -> ((YMap) d.getMap("votes").get("closed")).set("bob-id", "no")));
    }

    private static YMap poll(String state, String kind, List<Object> options, int budget, List<Object> targets) {
        YMap p = new YMap();
        p.set("question", "Q?");
        p.set("state", state);
        if (kind != null) {
            p.set("kind", kind);
            p.set("budget", budget);
            p.set("targets", targets);
        } else {
            p.set("options", options);
        }
        return p;
    }

    private YMap ballots(YDoc d, String poll) {
        return (YMap) d.getMap("votes").get(poll);
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

    @Test
    void aChoiceIsOneOfThePollsOptions() {
        assertTrue(check(alice, 10, d -> ballots(d, "choice").set("alice-id", "yes")).allowed());
        assertFalse(check(alice, 10, d -> ballots(d, "choice").set("alice-id", "maybe")).allowed());
        assertFalse(check(alice, 10, d -> ballots(d, "choice").set("alice-id", List.of("yes", "yes"))).allowed());
    }

    @Test
    void aClosedPollTakesNoVoteAndGivesNoneBack() {
        assertFalse(check(alice, 10, d -> ballots(d, "closed").set("alice-id", "yes")).allowed());
        Actor bob = new Actor("bob-id", RoomRole.PARTICIPANT);
        assertFalse(check(bob, 11, d -> ballots(d, "closed").delete("bob-id")).allowed());
        assertFalse(check(bob, 11, d -> ballots(d, "closed").set("bob-id", "yes")).allowed());
    }

    @Test
    void dotsStayWithinTheBudgetAndOnWhatWasPutToTheVote() {
        assertTrue(check(alice, 10, d -> ballots(d, "dots").set("alice-id", List.of("n1", "n1", "n3"))).allowed());
        assertTrue(check(alice, 10, d -> ballots(d, "dots").set("alice-id", List.of())).allowed());
        assertFalse(check(alice, 10, d -> ballots(d, "dots").set("alice-id", List.of("n1", "n1", "n2", "n3"))).allowed(), "4 dots of 3");
        assertFalse(check(alice, 10, d -> ballots(d, "dots").set("alice-id", List.of("n9"))).allowed(), "not put to the vote");
        assertFalse(check(alice, 10, d -> ballots(d, "dots").set("alice-id", "n1")).allowed(), "not a list");
        assertFalse(check(alice, 10, d -> ballots(d, "dots").set("alice-id", List.of(1, 2))).allowed(), "not ids");
    }

    @Test
    void twoTabsWriteOneBallotSoTheSecondReplacesTheFirst() {
        // Both tabs' ballots are within budget; under one key the later replaces the earlier, they never add up.
        server.applyUpdate(new Replica(server, 10).edit(d -> ballots(d, "dots").set("alice-id", List.of("n1", "n2", "n3"))));
        assertTrue(check(alice, 12, d -> ballots(d, "dots").set("alice-id", List.of("n2", "n2", "n2"))).allowed());
        server.applyUpdate(new Replica(server, 12).edit(d -> ballots(d, "dots").set("alice-id", List.of("n2", "n2", "n2"))));
        assertEquals(List.of("n2", "n2", "n2"), ((YMap) server.getMap("votes").get("dots")).get("alice-id"));
    }

    @Test
    void onlyFacilitatorsModerateQuestionsEvenTheirOwn() {
        assertTrue(check(alice, 10, d -> {
            YMap q = new YMap();
            q.set("text", "How?");
            q.set("owner", "alice-id");
            q.set("upvotes", new YMap());
            d.getMap("questions").set("q2", q);
        }).allowed());
        assertFalse(check(alice, 10, d -> {
            YMap q = new YMap();
            q.set("text", "How?");
            q.set("owner", "alice-id");
            q.set("pinned", true);
            d.getMap("questions").set("q2", q);
        }).allowed(), "created pinned");
        Actor bob = new Actor("bob-id", RoomRole.PARTICIPANT);
        assertFalse(check(bob, 11, d -> ((YMap) d.getMap("questions").get("q1")).set("status", "answered")).allowed());
    }

    @Test
    void answersAreOwnedLikeQuestions() {
        assertTrue(check(alice, 10, d -> {
            YMap a = new YMap();
            a.set("question", "q1");
            a.set("text", "The region does");
            a.set("owner", "alice-id");
            a.set("upvotes", new YMap());
            d.getMap("answers").set("a1", a);
        }).allowed());
        assertFalse(check(alice, 10, d -> {
            YMap a = new YMap();
            a.set("text", "forged");
            a.set("owner", "bob-id");
            d.getMap("answers").set("a1", a);
        }).allowed());
    }

    private static YMap upvotes(YDoc d) {
        return (YMap) ((YMap) d.getMap("questions").get("q1")).get("upvotes");
    }
}
