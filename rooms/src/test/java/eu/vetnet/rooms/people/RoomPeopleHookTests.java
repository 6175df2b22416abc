package eu.vetnet.rooms.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import eu.vetnet.rooms.hook.SessionPayload;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoomPeopleHookTests {

    /** The in-memory directory, counting writes. */
    static final class Counting implements RoomPeople {
        final InMemoryRoomPeople people = new InMemoryRoomPeople();
        final AtomicInteger writes = new AtomicInteger();
        boolean fail;

        @Override
        public CompletionStage<Void> remember(String room, Person person) {
            writes.incrementAndGet();
            if (fail) {
                return CompletableFuture.failedFuture(new IllegalStateException("store down"));
            }
            return people.remember(room, person);
        }

        @Override
        public CompletionStage<List<Person>> list(String room) {
            return people.list(room);
        }

        @Override
        public CompletionStage<java.util.Map<String, String>> names(String room, java.util.Collection<String> ids) {
            return people.names(room, ids);
        }
    }

    private static SessionPayload join(String room, String document, String id, String username, String name) {
        RoomUser user = new RoomUser(id, username, name, Set.of("participant"), Instant.now().plusSeconds(60));
        return new SessionPayload(room, document, user, RoomRole.PARTICIPANT);
    }

    private static List<RoomPeople.Person> list(RoomPeople people, String room) {
        return people.list(room).toCompletableFuture().join();
    }

    @Test
    void everyoneWhoJoinsIsListedByIdWithTheirLatestNameWrittenOncePerName() {
        Counting store = new Counting();
        RoomPeopleHook hook = new RoomPeopleHook(store);
        hook.onJoined(join("r1", "board", "u-alice", "alice", "Alice Rossi"));
        hook.onJoined(join("r1", "notes", "u-alice", "alice", "Alice Rossi"));
        hook.onJoined(join("r1", "board", "u-bob", "bob", null));
        hook.onJoined(join("r2", "board", "u-alice", "alice", "Alice Rossi"));
        assertEquals(3, store.writes.get(), "a second document of the same person writes nothing");
        assertEquals(List.of(new RoomPeople.Person("u-alice", "Alice Rossi"), new RoomPeople.Person("u-bob", "bob")), list(store, "r1"));

        hook.onJoined(join("r1", "board", "u-alice", "alice", "Alice Bianchi"));
        assertEquals(4, store.writes.get());
        assertEquals("Alice Bianchi", list(store, "r1").get(0).name(), "a new name replaces the old one");
    }

    @Test
    void aFailedWriteIsTriedAgainOnTheNextJoinAndKeepsNobodyOut() {
        Counting store = new Counting();
        RoomPeopleHook hook = new RoomPeopleHook(store);
        store.fail = true;
        hook.onJoined(join("r1", "board", "u-alice", "alice", "Alice"));
        store.fail = false;
        hook.onJoined(join("r1", "board", "u-alice", "alice", "Alice"));
        assertEquals(2, store.writes.get());
        assertEquals(List.of(new RoomPeople.Person("u-alice", "Alice")), list(store, "r1"));
    }
}
