package eu.vetnet.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseWatchTests {

    @Test
    void spansFromAShutdownLogLineAreReadAndOverlapsAcrossServersAreTwoOwners() {
        try (LeaseWatch watch = new LeaseWatch(Map.of())) {
            watch.stopped("rooms1", "x\n2026-12-07 INFO RoomLeases : leases ended on shutdown (room@since-until, epoch ms):"
                    + " room-a@1000-2000 room-b@1000-5000\nlater line");
            watch.stopped("rooms2", "leases ended on shutdown (room@since-until, epoch ms): room-a@2000-3000 room-b@4000-6000");
            List<String> duplicates = watch.duplicateOwners(List.of("room-a", "room-b"));
            assertEquals(1, duplicates.size(), duplicates.toString());
            assertTrue(duplicates.get(0).startsWith("room-b"), duplicates.toString());
            assertEquals(List.of(), watch.duplicateOwners(List.of("room-a")), "a span that ends as the next begins is one owner");
        }
    }

    @Test
    void aLogWithoutShutdownLineAddsNothing() {
        try (LeaseWatch watch = new LeaseWatch(Map.of())) {
            watch.stopped("rooms1", "started\nstopped");
            assertEquals(List.of(), watch.spans(List.of("room-a")));
        }
    }
}
