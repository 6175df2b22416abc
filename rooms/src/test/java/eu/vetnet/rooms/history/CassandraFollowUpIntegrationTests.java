package eu.vetnet.rooms.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.vetnet.rooms.followup.Inbox;
import eu.vetnet.rooms.followup.Proposal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Proposals, notifications and addresses in the launcher's real Cassandra (docs/dialogue.md, "Follow-up"). */
class CassandraFollowUpIntegrationTests {

    private static HistoryFixture fixture;
    private static CassandraFollowUp store;

    @BeforeAll
    static void connect() {
        fixture = new HistoryFixture();
        store = new CassandraFollowUp(fixture.database::statements, JsonMapper.builder().build());
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static Proposal proposal(String room, String addressee, Instant at) {
        return new Proposal(UUID.randomUUID().toString(), room, "Dialogue", "Shared mentors", "Pool the mentors", addressee,
                "Paula", List.of(new Proposal.Evidence("s1", "Mentors should be shared", 5, 1, 2)), Proposal.Status.OPEN,
                List.of(), false, List.of("alice-id", addressee), "fabio-id", at);
    }

    @Test
    void aProposalIsFoundByIdByRoomAndByAddresseeWithItsAnswers() {
        String room = "room-" + UUID.randomUUID();
        String paula = "paula-" + UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Proposal first = proposal(room, paula, t);
        Proposal second = proposal(room, "someone-else", t.plusSeconds(1));
        store.save(first).toCompletableFuture().join();
        store.save(second).toCompletableFuture().join();
        Proposal answered = new Proposal(first.id(), room, "Dialogue", first.title(), first.text(), paula, "Paula", first.evidence(),
                Proposal.Status.PARTLY_ACCEPTED, List.of(new Proposal.Answer(Proposal.Status.PARTLY_ACCEPTED, "In two regions first",
                        "Pilot in 2027", paula, "Paula", t.plusSeconds(60))), true, first.participants(), "fabio-id", t);
        store.save(answered).toCompletableFuture().join();

        assertEquals(answered, store.find(first.id()).toCompletableFuture().join());
        assertEquals(List.of(answered, second), store.ofRoom(room).toCompletableFuture().join());
        assertEquals(List.of(answered), store.addressedTo(paula).toCompletableFuture().join());
        assertNull(store.find("no-such-proposal").toCompletableFuture().join());
    }

    @Test
    void notificationsComeNewestFirstAndAddressesOnlyForThoseWhoGaveOne() {
        String alice = "alice-" + UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.notify(alice, new Inbox.Notification("n1", t, "first", "/rooms/r")).toCompletableFuture().join();
        store.notify(alice, new Inbox.Notification("n2", t.plusSeconds(1), "second", "/rooms/r")).toCompletableFuture().join();
        assertEquals(List.of("second", "first"), store.of(alice).toCompletableFuture().join().stream().map(Inbox.Notification::text).toList());

        store.rememberEmail(alice, "alice@vetnet.test").toCompletableFuture().join();
        store.rememberEmail(alice, "alice@example.org").toCompletableFuture().join();
        assertEquals(Map.of(alice, "alice@example.org"), store.emails(List.of(alice, "nobody-" + UUID.randomUUID())).toCompletableFuture().join());
    }
}
