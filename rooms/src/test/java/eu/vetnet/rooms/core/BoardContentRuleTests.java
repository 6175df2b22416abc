package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.crdt.types.YMap;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The board's colour and image rules hold for facilitators too, who skip the participant policy. */
class BoardContentRuleTests {

    private CoreHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static byte[] object(CoreHarness.Client c, String id, String key, String value) {
        return CoreHarness.edit(c.doc, d -> {
            YMap m = new YMap();
            m.set("type", "image");
            m.set("owner", "fabio");
            m.set(key, value);
            d.getMap("objects").set(id, m);
        });
    }

    @Test
    void aFacilitatorsTrackingImageIsRefusedAndHerPaletteColourApplied() {
        h = new CoreHarness();
        var fabio = h.yws("r1", "board", "fabio|FACILITATOR", 1);
        fabio.awaitFrames(1);

        fabio.send(Frames.yws(new SyncMessage.Update(object(fabio, "tracked", "url", "https://tracker.example/p.gif"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> fabio.seen().stream().anyMatch(s -> s.type() == 100));

        assertEquals("0", h.json("r1", "board", d -> d.getMap("objects").size()).get("value"), "nothing applied");

        var second = h.yws("r1", "board", "fabio|FACILITATOR", 2); // a fresh copy, as the rejection contract asks
        second.awaitFrames(1);
        second.send(Frames.yws(new SyncMessage.Update(object(second, "fine", "color", "#fff3a3"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "1".equals(h.json("r1", "board", d -> d.getMap("objects").size()).get("value")));
    }
}
