package eu.vetnet.rooms.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.hook.RoomUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalPresenceTests {

    private static final RoomUser ALICE = new RoomUser("alice-id", "alice", "Alice", Set.of(), null);
    private static final RoomUser BOB = new RoomUser("bob-id", "bob", "Bob", Set.of(), null);

    @Test
    void twoTabsAreOnePersonWhoLeavesWithTheLastOne() {
        LocalPresence local = new LocalPresence("n1");
        InProcessPresence presence = new InProcessPresence(local);
        local.join("r1", "notes", ALICE, RoomRole.PARTICIPANT);
        local.join("r1", "notes", ALICE, RoomRole.PARTICIPANT);
        local.join("r1", "board", ALICE, RoomRole.PARTICIPANT);
        local.join("r1", "notes", BOB, RoomRole.FACILITATOR);

        assertEquals(Map.of("r1", 2), presence.counts().block());
        assertEquals(List.of("board", "notes"), presence.room("r1").block().get(0).documents());

        local.leave("r1", "notes", ALICE);
        local.leave("r1", "board", ALICE);
        assertEquals(Map.of("r1", 2), presence.counts().block());
        local.leave("r1", "notes", ALICE);
        assertEquals(Map.of("r1", 1), presence.counts().block());
    }

    @Test
    void anUnloadedRoomHasNobodyLeft() {
        LocalPresence local = new LocalPresence("n1");
        local.join("r1", "notes", ALICE, RoomRole.OBSERVER);
        local.dropRoom("r1");
        assertEquals(Map.of(), new InProcessPresence(local).counts().block());
    }
}
