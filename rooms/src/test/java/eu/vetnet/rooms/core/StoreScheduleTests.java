package eu.vetnet.rooms.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.protocol.SyncMessage;
import eu.vetnet.rooms.hook.RoomHook;
import eu.vetnet.rooms.hook.StorePayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A changed document is stored while its room is open (docs/rooms.md, "Storing"): once quiet for store-debounce, at
 * the latest store-max-debounce after its first unstored change, at once after store-max-updates; each stored state
 * says which updates it holds.
 */
class StoreScheduleTests {

    /** Every store the core asked for, with the time it came. */
    static final class Stores implements RoomHook {
        record Stored(long atNanos, StorePayload payload) {
        }

        final List<Stored> stores = new ArrayList<>();

        @Override
        public synchronized CompletionStage<Void> onStoreDocument(StorePayload payload) {
            stores.add(new Stored(System.nanoTime(), payload));
            return DONE;
        }

        synchronized List<Stored> all() {
            return new ArrayList<>(stores);
        }
    }

    private CoreHarness h;
    private final Stores stores = new Stores();

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private CoreHarness.Client writer(Duration debounce, Duration max, int maxUpdates) {
        h = new CoreHarness(RoomLimits.defaults().withStoreDebounce(debounce, max, maxUpdates), stores);
        CoreHarness.Client c = h.yws("r1", "scratch", "fabio|FACILITATOR", 1);
        c.awaitFrames(1);
        return c;
    }

    private static void write(CoreHarness.Client c, String text) {
        c.send(Frames.yws(new SyncMessage.Update(CoreHarness.edit(c.doc, d -> d.getText("t").insert(0, text)))));
    }

    @Test
    void aChangedDocumentIsStoredOnceItWasQuietForTheDebounce() {
        CoreHarness.Client c = writer(Duration.ofMillis(300), Duration.ofSeconds(5), 1000);
        long sent = System.nanoTime();
        write(c, "one");

        await().atMost(Duration.ofSeconds(5)).until(() -> stores.all().size() == 1);
        Stores.Stored s = stores.all().get(0);
        assertTrue(s.atNanos() - sent >= Duration.ofMillis(300).toNanos(), "not before the debounce");
        assertEquals(1, s.payload().coversSequence());
        YDoc stored = new YDoc();
        stored.applyUpdate(s.payload().state());
        assertEquals("one", stored.getText("t").toString());
        sleep(800);
        assertEquals(1, stores.all().size(), "nothing changed since: no other store");
    }

    @Test
    void aDocumentThatNeverFallsQuietIsStoredAtLeastEveryMaxDebounce() {
        CoreHarness.Client c = writer(Duration.ofMillis(300), Duration.ofMillis(700), 1000);
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < Duration.ofMillis(2500).toNanos()) {
            write(c, "w" + n++ + " ");
            sleep(50); // never quiet for 300 ms
        }
        int written = n;
        List<Stores.Stored> during = stores.all();

        assertTrue(during.size() >= 2, "stored " + during.size() + " times in 2.5 s of constant writing");
        await().atMost(Duration.ofSeconds(5)).until(() -> !stores.all().isEmpty()
                && stores.all().get(stores.all().size() - 1).payload().coversSequence() == written);
    }

    @Test
    void manyUpdatesAreStoredWithoutWaitingForTheDebounce() {
        CoreHarness.Client c = writer(Duration.ofSeconds(30), Duration.ofSeconds(60), 5);
        for (int i = 0; i < 5; i++) {
            write(c, "u" + i);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> !stores.all().isEmpty());
        assertTrue(stores.all().get(0).payload().coversSequence() >= 5);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
