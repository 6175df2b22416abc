package eu.vetnet.rooms.bench;

import eu.vetnet.crdt.YDoc;
import eu.vetnet.crdt.encoding.JsJson;
import eu.vetnet.crdt.inspect.DecodedUpdate;
import eu.vetnet.crdt.inspect.Touch;
import eu.vetnet.crdt.inspect.UpdateInspector;
import eu.vetnet.crdt.types.YMap;
import eu.vetnet.crdt.types.YText;
import eu.vetnet.rooms.hook.RoomRole;
import eu.vetnet.rooms.policy.Actor;
import eu.vetnet.rooms.policy.ClientIds;
import eu.vetnet.rooms.policy.DocumentPolicy;
import eu.vetnet.rooms.policy.Policies;
import eu.vetnet.rooms.policy.Verdict;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * What judging a participant's update costs next to applying it (issue 12: at most 2x), on a B4-sized document: the
 * automerge-paper trace (259,778 edits) replayed into a text, then its last edits sent one update each, judged as the
 * room server judges them (shape, placement, policy, client-id bookkeeping) and applied. A second case does the same
 * on a board of 2,000 notes. Rounds alternate on fresh copies; the table gives medians of per-round totals.
 *
 * <p>Run: {@code mvn -o -q -pl rooms test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=eu.vetnet.rooms.bench.InspectionBenchmark} (from the repository root; docs/rooms-benchmark.md).
 */
public final class InspectionBenchmark {

    private static final int ROUNDS = 9;

    private InspectionBenchmark() {
    }

    /** A document's state before, the updates one person sends, and the policy that judges them. */
    private record Case(String name, byte[] base, List<byte[]> updates, DocumentPolicy policy, String user) {
    }

    public static void main(String[] args) throws Exception {
        Path trace = Path.of(args.length > 0 ? args[0] : "crdt/src/test/resources/bench/automerge-paper.json.gz");
        List<Case> cases = List.of(b4(trace, 5_000), board(2_000, 2_000), bulk(30_000));
        System.out.printf("%-34s %8s %12s %12s %12s %8s%n", "case", "updates", "apply ms", "checks ms", "ids ms", "ratio");
        for (Case c : cases) {
            run(c, 2); // warm-up
            long[][] rounds = new long[ROUNDS][];
            for (int r = 0; r < ROUNDS; r++) {
                rounds[r] = run(c, 1);
            }
            long apply = median(rounds, 0);
            long checks = median(rounds, 1);
            long ids = median(rounds, 2);
            System.out.printf("%-34s %8d %12.1f %12.1f %12.1f %7.2fx%n", c.name(), c.updates().size(), apply / 1e6,
                    checks / 1e6, ids / 1e6, (checks + ids) / (double) apply);
        }
        System.out.println("ratio = (checks + client-id bookkeeping) / apply; medians of " + ROUNDS + " rounds");
    }

    /** One round: nanoseconds applying, judging, and claiming client ids, summed over the case's updates. */
    private static long[] run(Case c, int times) {
        long apply = 0;
        long checks = 0;
        long ids = 0;
        for (int t = 0; t < times; t++) {
            YDoc server = new YDoc(1);
            server.applyUpdate(c.base());
            ClientIds clientIds = new ClientIds();
            Actor actor = new Actor(c.user(), RoomRole.PARTICIPANT);
            for (byte[] update : c.updates()) {
                long t0 = System.nanoTime();
                DecodedUpdate decoded = DecodedUpdate.of(update);
                Verdict v = clientIds.check(server, decoded, c.user());
                if (v.allowed()) {
                    List<Touch> touches = UpdateInspector.inspect(server, decoded);
                    v = Policies.placement(touches);
                    if (v.allowed()) {
                        v = c.policy().checkContent(touches);
                    }
                    if (v.allowed()) {
                        v = c.policy().check(server, touches, actor);
                    }
                }
                long t1 = System.nanoTime();
                if (!v.allowed()) {
                    throw new IllegalStateException(c.name() + ": an honest update was refused: " + v.reason());
                }
                List<Long> growing = decoded.clientsExtending(server);
                long t2 = System.nanoTime();
                server.applyUpdate(update);
                long t3 = System.nanoTime();
                clientIds.claim(growing, c.user());
                long t4 = System.nanoTime();
                checks += t1 - t0;
                apply += t3 - t2;
                ids += (t2 - t1) + (t4 - t3);
            }
        }
        return new long[] {apply, checks, ids};
    }

    private static long median(long[][] rounds, int column) {
        long[] v = Arrays.stream(rounds).mapToLong(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }

    /** B4 in a user-added document: all but the last {@code tail} edits as the base, those as one update each. */
    private static Case b4(Path trace, int tail) throws Exception {
        Map<?, ?> root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(trace))) {
            root = (Map<?, ?>) JsJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<List<?>> patches = new ArrayList<>();
        for (Object txn : (List<?>) root.get("txns")) {
            for (Object p : (List<?>) ((Map<?, ?>) txn).get("patches")) {
                patches.add((List<?>) p);
            }
        }
        YDoc writer = new YDoc(42);
        YText text = writer.getText("text");
        int split = patches.size() - tail;
        writer.transact(t -> patches.subList(0, split).forEach(p -> edit(text, p)));
        byte[] base = writer.encodeStateAsUpdate();
        List<byte[]> updates = new ArrayList<>();
        for (List<?> p : patches.subList(split, patches.size())) {
            updates.add(capture(writer, d -> edit(text, p)));
        }
        if (!text.toString().equals(root.get("endContent"))) {
            throw new IllegalStateException("the replayed B4 text differs from the trace's endContent");
        }
        return new Case("B4 text, last " + tail + " edits", base, updates, Policies.forDocument("scratch"), "author");
    }

    private static void edit(YText text, List<?> patch) {
        int pos = ((Number) patch.get(0)).intValue();
        int delete = ((Number) patch.get(1)).intValue();
        String insert = (String) patch.get(2);
        if (delete > 0) {
            text.delete(pos, delete);
        }
        if (!insert.isEmpty()) {
            text.insert(pos, insert);
        }
    }

    /** A board of {@code notes} notes by 50 people; one participant writes into their notes and votes on others'. */
    private static Case board(int notes, int edits) {
        YDoc others = new YDoc(7);
        YMap objects = others.getMap("objects");
        others.transact(t -> {
            for (int i = 0; i < notes; i++) {
                objects.set("n" + i, note("user-" + (i % 50), "note " + i));
            }
        });
        byte[] base = others.encodeStateAsUpdate();
        YDoc mine = new YDoc(99);
        mine.applyUpdate(base);
        YMap myObjects = mine.getMap("objects");
        List<byte[]> updates = new ArrayList<>();
        updates.add(capture(mine, d -> myObjects.set("mine", note("me", ""))));
        for (int i = 0; i < edits; i++) {
            int k = i;
            if (i % 2 == 0) {
                updates.add(capture(mine, d -> ((YText) ((YMap) myObjects.get("mine")).get("text")).insert(k / 2, "x")));
            } else {
                updates.add(capture(mine, d -> ((YMap) ((YMap) myObjects.get("n" + (k % notes))).get("votes")).set("me", true)));
            }
        }
        return new Case("board of " + notes + " notes, " + edits + " edits", base, updates, Policies.forDocument("board"), "me");
    }

    /**
     * One large update: {@code items} maps pushed into a list in one transaction, each item naming only its left
     * neighbour (the shape that made the old inspector quadratic: a few hundred KB cost seconds).
     */
    private static Case bulk(int items) {
        YDoc writer = new YDoc(5);
        byte[] base = writer.encodeStateAsUpdate();
        byte[] update = capture(writer, d -> {
            eu.vetnet.crdt.types.YArray list = new eu.vetnet.crdt.types.YArray();
            d.getMap("scratch").set("list", list);
            for (int i = 0; i < items; i++) {
                YMap m = new YMap();
                m.set("i", i);
                list.push(List.of(m));
            }
        });
        return new Case("one update of " + items + " items (" + update.length / 1024 + " KB)", base, List.of(update),
                Policies.forDocument("scratch"), "author");
    }

    private static YMap note(String owner, String text) {
        YMap m = new YMap();
        m.set("type", "sticky");
        m.set("owner", owner);
        YText t = new YText();
        t.insert(0, text);
        m.set("text", t);
        m.set("votes", new YMap());
        return m;
    }

    private static byte[] capture(YDoc doc, Consumer<YDoc> change) {
        List<byte[]> out = new ArrayList<>();
        var sub = doc.onUpdate((u, o, t) -> out.add(u));
        doc.transact(t -> change.accept(doc));
        sub.close();
        if (out.size() != 1) {
            throw new IllegalStateException("expected one update, got " + out.size());
        }
        return out.get(0);
    }
}
