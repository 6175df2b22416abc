package eu.vetnet.rooms.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.LoadPayload;
import eu.vetnet.rooms.hook.StorePayload;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CassandraHistory against the launcher's real Cassandra: the log, group commit, snapshots, replay, fail closed. */
class CassandraHistoryIntegrationTests {

    private static HistoryFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new HistoryFixture();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Edits a document, sending each update through the hook as the core does; returns the editor's document. */
    static YDoc edit(String room, String document, int edits) {
        YDoc doc = new YDoc();
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        doc.onUpdate((update, origin, txn) -> stored.add(fixture.history.onChange(
                new ChangePayload(room, document, update, null)).toCompletableFuture()));
        for (int i = 0; i < edits; i++) {
            int at = i;
            doc.transact(t -> {
                doc.getText("text").insert(doc.getText("text").length(), "w" + at + " ");
                doc.getMap("meta").set("last", (long) at);
            });
        }
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        return doc;
    }

    static YDoc load(String room, String document) {
        YDoc doc = new YDoc();
        fixture.history.onLoadDocument(new LoadPayload(room, document, doc)).toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        return doc;
    }

    static String json(YDoc doc) {
        doc.getText("text");
        doc.getMap("meta");
        return JsJson.stringify(doc.toJson());
    }

    @Test
    void appendedUpdatesLoadIntoTheSameDocument() {
        String room = "r-" + UUID.randomUUID();
        YDoc written = edit(room, "notes", 50);

        YDoc loaded = load(room, "notes");

        assertEquals(json(written), json(loaded));
        assertArrayEquals(written.encodeStateVector(), loaded.encodeStateVector());
    }

    @Test
    void aDocumentNeverWrittenLoadsEmptyWithoutError() {
        YDoc loaded = load("r-" + UUID.randomUUID(), "board");
        assertEquals(0, loaded.getText("text").length());
    }

    @Test
    void concurrentAppendsAreGroupedAndAllStored() throws Exception {
        String room = "r-" + UUID.randomUUID();
        int writers = 8;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long[] before = fixture.updateLog.groupStats();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        List<YDoc> docs = new ArrayList<>();
        List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            YDoc doc = new YDoc();
            docs.add(doc);
            String name = "doc" + (w % 2);
            jobs.add(pool.submit(() -> {
                List<CompletableFuture<Void>> mine = new ArrayList<>();
                doc.onUpdate((update, origin, txn) -> mine.add(fixture.history.onChange(
                        new ChangePayload(room, name, update, null)).toCompletableFuture()));
                for (int i = 0; i < each; i++) {
                    doc.getText("text").insert(0, "x");
                }
                synchronized (all) {
                    all.addAll(mine);
                }
            }));
        }
        for (var j : jobs) {
            j.get(60, TimeUnit.SECONDS);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        pool.shutdown();
        long[] after = fixture.updateLog.groupStats();

        assertEquals(writers * each, all.size());
        assertTrue(after[0] - before[0] < after[1] - before[1], "appends were grouped: " + (after[0] - before[0])
                + " groups for " + (after[1] - before[1]) + " appends");
        for (int d = 0; d < 2; d++) {
            YDoc expected = new YDoc();
            for (int w = d; w < writers; w += 2) {
                expected.applyUpdate(docs.get(w).encodeStateAsUpdate());
            }
            assertEquals(json(expected), json(load(room, "doc" + d)));
        }
    }

    @Test
    void rowsWrittenAgainUnderTheirKeyAndUpdatesReplayedInAnyOrderGiveOneState() {
        String room = "r-" + UUID.randomUUID();
        YDoc written = edit(room, "notes", 20);
        HistoryStatements s = fixture.statements();
        List<HistoryReads.LogRow> rows = HistoryReads.log(s, room, "notes", LogPosition.START, null).toCompletableFuture().join();
        // The driver's retry and UpdateLog's own write the same bound statement again: the key makes it one row.
        for (int attempt = 0; attempt < 3; attempt++) {
            for (HistoryReads.LogRow r : rows) {
                s.session().execute(s.get("insertUpdate").bind(room, "notes", r.bucket(), r.at(), r.writer(), r.seq(),
                        ByteBuffer.wrap(r.payload()), null).setIdempotent(true));
            }
        }
        assertEquals(rows.size(), HistoryReads.log(s, room, "notes", LogPosition.START, null).toCompletableFuture().join().size());

        // The same updates appended three more times, shuffled (a client resending after a reconnect): one state.
        List<byte[]> updates = new ArrayList<>(rows.stream().map(HistoryReads.LogRow::payload).toList());
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 3; round++) {
            java.util.Collections.shuffle(updates, random);
            for (byte[] u : updates) {
                fixture.history.onChange(new ChangePayload(room, "notes", u, null)).toCompletableFuture().join();
            }
        }
        assertEquals(json(written), json(load(room, "notes")));
    }

    @Test
    void aSnapshotCoversTheLogAndLoadsAreUnchangedByIt() {
        String room = "r-" + UUID.randomUUID();
        YDoc written = edit(room, "board", 30);
        HistoryStatements s = fixture.statements();

        fixture.history.onStoreDocument(new StorePayload(room, "board", written.encodeStateAsUpdate())).toCompletableFuture().join();
        YDoc more = new YDoc();
        more.applyUpdate(written.encodeStateAsUpdate());
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        more.onUpdate((u, o, t) -> stored.add(fixture.history.onChange(new ChangePayload(room, "board", u, null)).toCompletableFuture()));
        more.getText("text").insert(0, "after the snapshot ");
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();

        HistoryReads.Stored loaded = HistoryReads.load(s, room, "board").toCompletableFuture().join();
        assertTrue(loaded.snapshot().isPresent());
        assertTrue(loaded.log().size() == 1, "only the rows from the snapshot's position on are read: " + loaded.log().size());
        assertEquals(json(more), json(load(room, "board")));
    }

    /**
     * The core encodes a state and says which of its updates it holds; updates applied after it (their onChange still
     * running) have rows too. The snapshot covers the rows of the updates it holds and no more, so a load still applies
     * the later rows. Covering the last row appended when the snapshot is written would lose them.
     */
    @Test
    void aSnapshotCoversOnlyTheRowsOfTheUpdatesItsStateHolds() {
        String room = "r-" + UUID.randomUUID();
        YDoc doc = new YDoc();
        List<byte[]> updates = new ArrayList<>();
        doc.onUpdate((u, o, t) -> updates.add(u));
        for (int i = 0; i < 10; i++) {
            doc.getText("text").insert(doc.getText("text").length(), "u" + i + " ");
        }
        YDoc firstFive = new YDoc();
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stored.add(fixture.history.onChange(new ChangePayload(room, "notes", updates.get(i), null, i + 1)).toCompletableFuture());
            if (i < 5) {
                firstFive.applyUpdate(updates.get(i));
            }
        }
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();

        fixture.history.onStoreDocument(new StorePayload(room, "notes", firstFive.encodeStateAsUpdate(), 5, java.util.Map.of())).toCompletableFuture().join();

        HistoryReads.Stored read = HistoryReads.load(fixture.statements(), room, "notes").toCompletableFuture().join();
        assertTrue(read.snapshot().isPresent(), "a snapshot was written");
        assertEquals(5, read.log().size(), "the rows of updates 6 to 10 are after what the snapshot covers");
        assertEquals(json(doc), json(load(room, "notes")));
    }

    /** Rows another server wrote into the range a snapshot would cover, never loaded here, are left to the log. */
    @Test
    void aSnapshotDoesNotCoverRowsOfAnotherWriterItNeverSaw() {
        String room = "r-" + UUID.randomUUID();
        YDoc mine = edit(room, "notes", 3);
        // Another room server (its own writer id) appends while this one has the document open: a lease moving.
        UpdateLog other = new UpdateLog(fixture.database::statements, "other-" + UUID.randomUUID(), fixture.properties, fixture.timer);
        YDoc theirs = new YDoc();
        theirs.getText("text").insert(0, "theirs ");
        other.append(room, "notes", theirs.encodeStateAsUpdate(), null).join();
        List<CompletableFuture<Void>> more = new ArrayList<>();
        mine.onUpdate((u, o, t) -> more.add(fixture.history.onChange(new ChangePayload(room, "notes", u, null)).toCompletableFuture()));
        mine.getText("text").insert(0, "mine ");
        CompletableFuture.allOf(more.toArray(CompletableFuture[]::new)).join();

        fixture.history.onStoreDocument(new StorePayload(room, "notes", mine.encodeStateAsUpdate())).toCompletableFuture().join();

        YDoc loaded = load(room, "notes");
        assertTrue(loaded.getText("text").toString().contains("theirs"), loaded.getText("text").toString());
        assertTrue(loaded.getText("text").toString().contains("mine"), loaded.getText("text").toString());
    }

    @Test
    void storingADocumentWritesAVerifiedSnapshot() {
        String room = "r-" + UUID.randomUUID();
        fixture.history.onLoadDocument(new LoadPayload(room, "notes", new YDoc())).toCompletableFuture().join();
        YDoc written = edit(room, "notes", 10);

        fixture.history.onStoreDocument(new StorePayload(room, "notes", written.encodeStateAsUpdate())).toCompletableFuture().join();

        var snapshot = HistoryReads.latestSnapshot(fixture.statements(), room, "notes").toCompletableFuture().join();
        assertTrue(snapshot.isPresent());
        YDoc fromSnapshot = new YDoc();
        fromSnapshot.applyUpdate(snapshot.get().state());
        assertEquals(json(written), json(fromSnapshot));
        assertEquals(json(written), json(load(room, "notes")));
    }

    @Test
    void aDocumentAsOfAnInstantHoldsExactlyTheUpdatesUntilThen() throws Exception {
        String room = "r-" + UUID.randomUUID();
        YDoc early = edit(room, "notes", 5);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        early.onUpdate((u, o, t) -> stored.add(fixture.history.onChange(new ChangePayload(room, "notes", u, null)).toCompletableFuture()));
        String before = json(early);
        early.getText("text").insert(0, "later ");
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();

        YDoc then = HistoryReads.replay(fixture.statements(), room, "notes", between, fixture.cpu).toCompletableFuture().join();

        assertEquals(before, json(then));
    }

    @Test
    void aRoomIsRefusedWhileCassandraIsDownAndLoadsIntactOnceItIsBack() {
        String room = "r-" + UUID.randomUUID();
        YDoc written = edit(room, "notes", 10);
        // An update made while the node is down: its append is retried until the node is back (docs, "Appends").
        YDoc later = new YDoc(9);
        later.getText("text").insert(0, "written while Cassandra was down ");
        byte[] whileDown = later.encodeStateAsUpdate();
        Duration window = fixture.properties.getAppendRetryFor();
        CompletableFuture<Void> retried;

        Launcher.run("stop", "cassandra");
        try {
            CompletionException refused = assertThrows(CompletionException.class, () -> load(room, "notes"));
            assertInstanceOf(HistoryUnavailableException.class, refused.getCause(), String.valueOf(refused.getCause()));
            // With a short window the append gives up, and says why.
            fixture.properties.setAppendRetryFor(Duration.ofSeconds(1));
            CompletionException notStored = assertThrows(CompletionException.class, () -> fixture.history.onChange(
                    new ChangePayload(room, "notes", written.encodeStateAsUpdate(), null)).toCompletableFuture().join());
            assertInstanceOf(HistoryUnavailableException.class, notStored.getCause());
            // With a long one it waits for the node.
            fixture.properties.setAppendRetryFor(Duration.ofMinutes(3));
            retried = fixture.history.onChange(new ChangePayload(room, "notes", whileDown, null)).toCompletableFuture();
            sleep(1_000);
            assertFalse(retried.isDone(), "an append cannot be stored while Cassandra is down");
        } finally {
            Launcher.cassandraBack();
        }
        try {
            retried.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("the append retried while Cassandra restarted was not stored", e);
        } finally {
            fixture.properties.setAppendRetryFor(window);
        }
        // The driver reconnects by itself; a room that is retried loads once it has, with both updates.
        YDoc loaded = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (loaded == null) {
            try {
                loaded = load(room, "notes");
            } catch (CompletionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(500);
            }
        }
        written.applyUpdate(whileDown);
        assertEquals(json(written), json(loaded));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
