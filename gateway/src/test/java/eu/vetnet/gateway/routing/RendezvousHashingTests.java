package eu.vetnet.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class RendezvousHashingTests {

    private static List<ServiceInstance> servers(int n) {
        List<ServiceInstance> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(StaticRoomServerInstances.instance(URI.create("http://rooms-" + i + ".internal:8081")));
        }
        return list;
    }

    private static String owner(String room, List<ServiceInstance> servers) {
        return RendezvousHashing.choose(room, servers).orElseThrow().getInstanceId();
    }

    @Test
    void ownerDoesNotDependOnTheOrderOfTheList() {
        List<ServiceInstance> servers = servers(5);
        List<ServiceInstance> shuffled = new ArrayList<>(servers);
        Collections.shuffle(shuffled, new Random(7));
        for (int i = 0; i < 1000; i++) {
            assertEquals(owner("room-" + i, servers), owner("room-" + i, shuffled));
        }
    }

    @Test
    void removingAServerMovesOnlyItsRooms() {
        List<ServiceInstance> servers = servers(5);
        List<ServiceInstance> fewer = new ArrayList<>(servers);
        ServiceInstance gone = fewer.remove(2);
        for (int i = 0; i < 2000; i++) {
            String before = owner("room-" + i, servers);
            String after = owner("room-" + i, fewer);
            if (!before.equals(gone.getInstanceId())) {
                assertEquals(before, after, "room-" + i + " moved although its server stayed");
            }
        }
    }

    @Test
    void roomsSpreadEvenlyOverServers() {
        List<ServiceInstance> servers = servers(4);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(owner("room-" + i, servers), 1, Integer::sum);
        }
        counts.values().forEach(c -> assertTrue(c > 4_500 && c < 5_500, counts.toString()));
    }

    @Test
    void noServersMeansNoOwner() {
        assertTrue(RendezvousHashing.choose("room", List.of()).isEmpty());
    }

    @Test
    void roomIdIsTheFirstSegmentAfterRooms() {
        assertEquals("abc", RoomIds.fromPath("/ws/rooms/abc").orElseThrow());
        assertEquals("abc", RoomIds.fromPath("/ws/rooms/abc/board").orElseThrow());
        assertEquals("abc", RoomIds.fromPath("/api/rooms/abc/history").orElseThrow());
        assertTrue(RoomIds.fromPath("/api/rooms").isEmpty());
        assertTrue(RoomIds.fromPath("/ws/rooms/").isEmpty());
        assertTrue(RoomIds.fromPath("/api/me").isEmpty());
    }
}
