package eu.vetnet.rooms.history;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.crdt.types.YXmlElement;
import eu.vetnet.crdt.types.YXmlText;
import eu.vetnet.rooms.hook.ChangePayload;
import eu.vetnet.rooms.hook.StorePayload;
import eu.vetnet.rooms.render.Board;
import eu.vetnet.rooms.render.NotesHtml;
import eu.vetnet.rooms.render.NotesTree;
import eu.vetnet.rooms.render.SvgCanvas;
import eu.vetnet.testkit.LocalServices;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeking in a room's history (docs/rooms.md, "Restoring"; issue goal: any instant in under 200 ms at the 95th
 * percentile): a room whose document is the B4 trace (259,778 edits, as the editor's paragraph) and whose board takes
 * 20,000 operations (notes made, moved, written in), interleaved and stored through the history as a room server
 * stores them (a snapshot of a document every {@link #SNAPSHOT_EVERY} of its updates). Then 100 instants of that
 * stretch, in random order, are each rebuilt from Cassandra and drawn: the board as SVG, the document as HTML, what
 * the history page asks for. Printed as a table with medians and the 95th percentile. Run: {@code mvn -o -pl rooms
 * test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=eu.vetnet.rooms.history.SeekBenchmark}.
 */
public final class SeekBenchmark {

    static final int BOARD_OPERATIONS = 20_000;
    static final int SNAPSHOT_EVERY = 500;
    static final int INSTANTS = 100;

    public static void main(String[] args) throws Exception {
        try (HistoryFixture f = new HistoryFixture()) {
            run(f);
        }
        System.exit(0);
    }

    private static void run(HistoryFixture f) throws Exception {
        String room = "seek-" + UUID.randomUUID();
        List<String[]> trace = b4();
        YDoc board = new YDoc();
        YDoc notes = new YDoc();
        Stored boardLog = new Stored(f, room, "board", board);
        Stored notesLog = new Stored(f, room, "notes", notes);
        YXmlText paragraph = new YXmlText();
        notes.transact(t -> {
            YXmlElement p = new YXmlElement("paragraph");
            notes.getXmlFragment(NotesTree.FRAGMENT).insert(0, List.of(p));
            p.insert(0, List.of(paragraph));
        });
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        int edit = 0;
        long t0 = System.nanoTime();
        for (int op = 0; op < BOARD_OPERATIONS; op++) {
            boardOperation(board, random, ids, op);
            // The B4 edits, 100 to an update, spread over the day along the board's operations.
            int target = (int) ((long) trace.size() * (op + 1) / BOARD_OPERATIONS);
            while (edit < target) {
                int from = edit;
                int to = Math.min(target, from + 100);
                notes.transact(t -> {
                    for (int i = from; i < to; i++) {
                        String[] e = trace.get(i);
                        int at = Integer.parseInt(e[0]);
                        int deleted = Integer.parseInt(e[1]);
                        if (deleted > 0) {
                            paragraph.delete(at, deleted);
                        }
                        if (!e[2].isEmpty()) {
                            paragraph.insert(at, e[2]);
                        }
                    }
                });
                edit = to;
            }
            if ((op + 1) % (BOARD_OPERATIONS / INSTANTS) == 0) {
                boardLog.flush();
                notesLog.flush();
                Thread.sleep(2);
                instants.add(Instant.now());
                Thread.sleep(2);
            }
        }
        boardLog.flush();
        notesLog.flush();
        long storeMs = (System.nanoTime() - t0) / 1_000_000;

        Collections.shuffle(instants, new Random(7));
        // Warm-up: the JIT and the driver's connections, on instants measured again below.
        for (Instant at : instants.subList(0, 10)) {
            seek(f, room, at);
        }
        List<Long> boardMs = new ArrayList<>();
        List<Long> notesMs = new ArrayList<>();
        List<Long> totalMs = new ArrayList<>();
        for (Instant at : instants) {
            long[] ms = seek(f, room, at);
            boardMs.add(ms[0]);
            notesMs.add(ms[1]);
            totalMs.add(ms[0] + ms[1]);
        }
        System.out.println();
        System.out.printf("%-70s %14s%n", "seek (embedded Cassandra 5.0, 2 shared cores, consistency ONE)", "value");
        System.out.println("-".repeat(85));
        row("room: B4 document (" + trace.size() + " edits, " + notesLog.updates + " updates) + " + BOARD_OPERATIONS + " board operations",
                (board.encodeStateAsUpdate().length + notes.encodeStateAsUpdate().length) / 1024 + " KiB");
        row("  stored through the history in (ms); snapshots every " + SNAPSHOT_EVERY + " updates per document", String.valueOf(storeMs));
        row("  board objects at the end", String.valueOf(board.getMap("objects").size()));
        row("board at an instant, rebuilt + SVG (ms): median / p95 / max", stats(boardMs));
        row("document at an instant, rebuilt + HTML (ms): median / p95 / max", stats(notesMs));
        row("both, one after the other (ms): median / p95 / max, goal p95 < 200", stats(totalMs));
        // The session dossier of this room as it ends (what a facilitator's "end the session" assembles).
        List<Long> dossierMs = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 3; i++) {
            long d0 = System.nanoTime();
            var read = new eu.vetnet.rooms.dossier.DossierFiles.Read((Map<?, ?>) board.getMap("objects").toJson(),
                    NotesTree.read(notes.getXmlFragment(NotesTree.FRAGMENT)), Map.of("objects", board.getMap("objects").toJson()), Map.of());
            var assembled = eu.vetnet.rooms.dossier.DossierFiles.assemble(room, "Seek", read, Map.of(), new eu.vetnet.rooms.export.RoomData.Table(eu.vetnet.rooms.attendance.Attendance.COLUMNS, List.of()));
            dossierMs.add((System.nanoTime() - d0) / 1_000_000);
            bytes = assembled.files().values().stream().mapToInt(file -> file.content().length).sum();
        }
        Collections.sort(dossierMs);
        Board endBoard = Board.of((Map<?, ?>) board.getMap("objects").toJson());
        List<NotesTree.Node> endNotes = NotesTree.read(notes.getXmlFragment(NotesTree.FRAGMENT));
        long p0 = System.nanoTime();
        SvgCanvas.render(endBoard);
        long p1 = System.nanoTime();
        eu.vetnet.rooms.render.PdfCanvas.render(endBoard);
        long p2 = System.nanoTime();
        eu.vetnet.rooms.render.NotesMarkdown.render(endNotes);
        long p3 = System.nanoTime();
        eu.vetnet.rooms.render.NotesPdf.render("Seek", endNotes);
        long p4 = System.nanoTime();
        row("dossier of the room at its end (" + bytes / 1024 + " KiB of files) (ms): median of 3, goal < 5000", String.valueOf(dossierMs.get(1)));
        row("  of which board SVG / board PDF / document Markdown / document PDF (ms)",
                (p1 - p0) / 1_000_000 + " / " + (p2 - p1) / 1_000_000 + " / " + (p3 - p2) / 1_000_000 + " / " + (p4 - p3) / 1_000_000);
    }

    /** Rebuilds both documents as they were at {@code at} and draws them, as the history page's two requests do. */
    private static long[] seek(HistoryFixture f, String room, Instant at) {
        long t0 = System.nanoTime();
        YDoc board = HistoryReads.replay(f.statements(), room, "board", at, f.cpu).toCompletableFuture().join();
        RootTypes.typeRoots(board);
        String svg = SvgCanvas.render(Board.of((Map<?, ?>) board.getMap("objects").toJson()));
        long t1 = System.nanoTime();
        YDoc notes = HistoryReads.replay(f.statements(), room, "notes", at, f.cpu).toCompletableFuture().join();
        RootTypes.typeRoots(notes);
        String html = NotesHtml.page("Seek", "en", NotesTree.read(notes.getXmlFragment(NotesTree.FRAGMENT)));
        long t2 = System.nanoTime();
        if (svg.isEmpty() || html.isEmpty()) {
            throw new IllegalStateException("nothing drawn");
        }
        return new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000};
    }

    private static void boardOperation(YDoc board, Random random, List<String> ids, int op) {
        YMap objects = board.getMap("objects");
        int kind = ids.isEmpty() ? 0 : random.nextInt(10);
        board.transact(t -> {
            if (kind < 4) {
                String id = "n" + op;
                YMap note = new YMap();
                objects.set(id, note);
                note.set("type", "note");
                note.set("owner", "user-" + random.nextInt(20));
                note.set("x", (double) random.nextInt(4000));
                note.set("y", (double) random.nextInt(3000));
                note.set("w", 160.0);
                note.set("h", 120.0);
                note.set("z", (double) op);
                note.set("color", "#fff3a3");
                note.set("text", new YText("Idea " + op));
                ids.add(id);
            } else if (kind < 8) {
                YMap note = (YMap) objects.get(ids.get(random.nextInt(ids.size())));
                note.set("x", (double) random.nextInt(4000));
                note.set("y", (double) random.nextInt(3000));
            } else {
                YMap note = (YMap) objects.get(ids.get(random.nextInt(ids.size())));
                YText text = (YText) note.get("text");
                text.insert(text.length(), " more");
            }
        });
    }

    /** A document's updates stored as a room server stores them: each appended, a snapshot every SNAPSHOT_EVERY. */
    private static final class Stored {
        final HistoryFixture f;
        final String room;
        final String name;
        final YDoc doc;
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        int updates;

        Stored(HistoryFixture f, String room, String name, YDoc doc) {
            this.f = f;
            this.room = room;
            this.name = name;
            this.doc = doc;
            doc.onUpdate((u, o, t) -> {
                updates++;
                pending.add(f.history.onChange(new ChangePayload(room, name, u, null)).toCompletableFuture());
                if (updates % SNAPSHOT_EVERY == 0) {
                    flush();
                    f.history.onStoreDocument(new StorePayload(room, name, doc.encodeStateAsUpdate())).toCompletableFuture().join();
                }
            });
        }

        void flush() {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            pending.clear();
        }
    }

    /** The B4 trace's edits: [position, deleted, inserted]. */
    private static List<String[]> b4() throws Exception {
        Path path = LocalServices.repositoryRoot().resolve("crdt/src/test/resources/bench/automerge-paper.json.gz");
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            root = JsonMapper.builder().build().readTree(in);
        }
        List<String[]> edits = new ArrayList<>();
        for (JsonNode txn : root.get("txns")) {
            for (JsonNode patch : txn.get("patches")) {
                edits.add(new String[] {Integer.toString(patch.get(0).asInt()), Integer.toString(patch.get(1).asInt()), patch.get(2).asString()});
            }
        }
        return edits;
    }

    private static void row(String name, String value) {
        System.out.printf("%-70s %14s%n", name, value);
    }

    private static String stats(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) + " / " + sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) + " / " + sorted.get(sorted.size() - 1);
    }
}
