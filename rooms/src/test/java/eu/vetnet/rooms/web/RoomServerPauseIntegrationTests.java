package eu.vetnet.rooms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.vetnet.rooms.core.CloseCodes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A room server whose lifecycle is stopped and started again in the same process (a paused Spring context, as the
 * test context cache does) drains its rooms on the stop and takes rooms again after the start. Its worker pool used
 * to end with the stop, so every room after a pause failed (RejectedExecutionException).
 */
class RoomServerPauseIntegrationTests extends RoomsIntegrationTestSupport {

    @Autowired
    RoomServerConfiguration.RoomServerShutdown lifecycle;

    @Test
    void aRoomServerStoppedAndStartedAgainTakesRoomsAgain() throws Exception {
        RawSocket before = RawSocket.open(wsUrl() + "/ws/rooms/" + room() + "/board", alice());
        awaitFirstFrame(before);

        lifecycle.stop();
        try {
            assertEquals(CloseCodes.GOING_AWAY, before.closed.get(20, TimeUnit.SECONDS), "a stop drains the rooms");
        } finally {
            lifecycle.start();
        }

        RawSocket after = RawSocket.open(wsUrl() + "/ws/rooms/" + room() + "/board", alice());
        awaitFirstFrame(after);
        assertFalse(after.closed.isDone(), "the room opens after the start: " + after.closed);
    }

    private static void awaitFirstFrame(RawSocket socket) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (socket.received.isEmpty() && !socket.closed.isDone() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertFalse(socket.received.isEmpty(), "the server's sync step 1 (closed: " + socket.closed + ")");
    }
}
