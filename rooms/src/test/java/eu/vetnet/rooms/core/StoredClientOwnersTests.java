package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;

import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.protocol.YWebsocketProtocol;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Client-id ownership goes through the store and load hooks with the document (docs/history-and-presence.md,
 * "Client-id owners"): with the in-memory storage, a client id Alice wrote with is still hers after the room was
 * unloaded and loaded again.
 */
class StoredClientOwnersTests {

    private CoreHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aClientIdStaysItsFirstWritersAfterAnUnloadAndReload() {
        h = new CoreHarness(RoomLimits.defaults().withUnloadGrace(Duration.ofMillis(100)));
        CoreHarness.Client alice = h.yws("r1", "scratch", "alice|PARTICIPANT", 101);
        alice.awaitFrames(1);
        alice.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(alice.doc, d -> d.getText("t").insert(0, "alice's")))));
        await().atMost(Duration.ofSeconds(5)).until(() -> !h.storage.updatesOf("r1", "scratch").isEmpty());
        alice.connection.closed();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.server.openRoom("r1") == null);

        // Bob sends an edit made on Alice's replica: new clocks under her client id, right after hers.
        CoreHarness.Client bob = h.yws("r1", "scratch", "bob|PARTICIPANT", 202);
        bob.awaitFrames(1);
        bob.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(alice.doc, d -> d.getText("t").insert(0, "bob as alice ")))));

        await().atMost(Duration.ofSeconds(5)).until(() -> bob.seen().stream()
                .anyMatch(f -> f.type() == YWebsocketProtocol.VETNET_REJECTED));
    }
}
