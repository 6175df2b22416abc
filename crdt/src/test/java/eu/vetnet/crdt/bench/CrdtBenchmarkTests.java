package eu.vetnet.crdt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the benchmark harness honest without timing anything: every case runs once at small sizes
 * and checks what it built (JavaCases throws when a case goes wrong), and the seeds match bench.mjs.
 */
class CrdtBenchmarkTests {

    /** N = 200, one run, no warm-up, a room of 3 clients for 10 rounds. */
    private static final JavaCases.Params SMALL = new JavaCases.Params(200, 1, 0, 0, 3, 10);

    private static EditingTrace trace;

    private static final List<String> B1_METRICS = List.of("apply_ms", "encode_ms", "update_bytes", "load_ms");
    private static final List<String> B2_METRICS = List.of("apply_ms", "sync_ms", "encode_ms", "update_bytes", "load_ms");
    private static final List<String> B4_METRICS = List.of("replay_ms", "encode_ms", "update_bytes", "load_cold_ms",
            "load_warm_ms", "heap_loaded_bytes", "room_remote_update_us");

    @Test
    void mulberry32GivesTheSequenceOfBenchMjs() {
        // node: prng(7) five times; prng(11) as Math.floor(rnd() * (i + 1)) for i = 0..999, the last five.
        Mulberry32 seven = new Mulberry32(7);
        double[] expected = {0.011704753153026104, 0.06195825757458806, 0.97690763277933, 0.6990287057124078, 0.5214452685322613};
        for (double e : expected) {
            assertEquals(e, seven.next());
        }
        Mulberry32 eleven = new Mulberry32(11);
        List<Integer> tail = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int v = eleven.below(i + 1);
            if (i >= 995) {
                tail.add(v);
            }
        }
        assertEquals(List.of(793, 935, 13, 320, 427), tail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"B1", "B2", "B3", "B4"})
    void everyCaseBuildsTheRightContentAndReportsEveryMetric(String suite) {
        List<BenchResult> results = new ArrayList<>();
        new JavaCases(SMALL, results::add, line -> { }).run(suite, () -> trace().prefix(3_000));

        Map<String, Set<String>> metricsByCase = new LinkedHashMap<>();
        for (BenchResult r : results) {
            assertEquals("java", r.engine());
            assertEquals(r.metric().equals("load_warm_ms") ? 5 : 1, r.runs().size(), r.key()); // bench.mjs: max(runs, 5) warm loads
            metricsByCase.computeIfAbsent(r.kase(), k -> new LinkedHashSet<>()).add(r.metric());
            // Not heap_loaded_bytes: a measurement, and in a test JVM other threads allocate meanwhile.
            if (r.metric().equals("update_bytes")) {
                assertTrue(r.median() > 0, r.key());
            }
        }
        int clients = JavaCases.b3Clients(SMALL.n());
        Map<String, List<String>> expected = switch (suite) {
            case "B1" -> casesWith(B1_METRICS, "B1.1 append N chars", "B1.2 insert string of N chars", "B1.3 prepend N chars",
                    "B1.4 insert N chars at random positions", "B1.6 insert string of N chars, then delete it",
                    "B1.8 append N numbers", "B1.9 insert array of N numbers", "B1.10 prepend N numbers",
                    "B1.11 insert N numbers at random positions");
            case "B2" -> casesWith(B2_METRICS, "B2.1 both insert N chars at random positions, then sync",
                    "B2.2 both insert N words at random positions, then sync", "B2.3 both set one map key N times, then sync",
                    "B2.4 both append N numbers to an array, then sync");
            case "B3" -> casesWith(B1_METRICS, "B3.1 " + clients + " clients set a map key each, then sync",
                    "B3.3 " + clients + " clients insert text at the start, then sync",
                    "B3.4 " + clients + " clients append a number to an array, then sync");
            default -> casesWith(B4_METRICS, "B4");
        };
        assertEquals(expected.keySet(), metricsByCase.keySet());
        expected.forEach((kase, metrics) -> assertEquals(Set.copyOf(metrics), metricsByCase.get(kase), kase));
    }

    @Test
    void theTraceHoldsTheWholeAutomergePaper() {
        assertEquals(259_778, trace().edits().size());
        // Replayed on a plain string, the edits (position, delete, insert) end in the paper's text.
        assertEquals(trace().endContent(), trace().prefix(Integer.MAX_VALUE).endContent());
    }

    @Test
    void theTableMarksEachRowAgainstTheGoalOfTheIssue() {
        List<BenchResult> results = List.of(
                result("java", "B4", "replay_ms", 900), result("yjs", "B4", "replay_ms", 2000), result("ywasm", "B4", "replay_ms", 20000),
                result("java", "B4", "load_warm_ms", 10), result("yjs", "B4", "load_warm_ms", 17), result("ywasm", "B4", "load_warm_ms", 8),
                result("java", "B4", "heap_loaded_bytes", 2_000_000), result("yjs", "B4", "heap_loaded_bytes", 3_000_000),
                result("java", "B4", "update_bytes", 100), result("yjs", "B4", "update_bytes", 101));
        String table = new ResultTable(results).markdown();
        assertTrue(table.contains("| B4 | replay_ms | ms | 900 | 2,000 | 20,000 | 0.45 | 0.45 | ≤ yjs/2 (and ≤ ywasm) | yes |"), table);
        assertTrue(table.contains("| B4 | load_warm_ms | ms | 10.0 | 17.0 | 8.00 | 0.59 | 1.25 | ≤ min(yjs, ywasm) | **no** |"), table);
        assertTrue(table.contains("| B4 | heap_loaded_bytes | MB | 2.00 | 3.00 | - | 0.67 | 0.67 | ≤ yjs | yes |"), table);
        assertTrue(table.contains("| B4 | update_bytes | bytes | 100 | 101 | - | 0.99 | 0.99 | = yjs (same state, same bytes) | **differs** |"), table);
    }

    private static synchronized EditingTrace trace() {
        if (trace == null) {
            trace = EditingTrace.load();
        }
        return trace;
    }

    private static BenchResult result(String engine, String kase, String metric, double value) {
        return BenchResult.of(engine, kase, metric, List.of(value));
    }

    private static Map<String, List<String>> casesWith(List<String> metrics, String... cases) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String c : cases) {
            m.put(c, metrics);
        }
        return m;
    }
}
