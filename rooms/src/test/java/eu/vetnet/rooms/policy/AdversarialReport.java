package eu.vetnet.rooms.policy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what a run of adversarial cases found, grouped by kind of finding and its shape (numbers and ids taken out),
 * with the first example of each: seed, case, step, how the update was made, who sent it, the update in base64, and
 * the command that replays the case alone. Also counts, per mechanism, how many of its updates the server applied
 * and refused, so a run shows what it covered.
 */
final class AdversarialReport {

    record Example(long seed, int index, Finding finding) {
    }

    private final Map<String, List<Example>> bySignature = new LinkedHashMap<>();
    private final Map<String, int[]> coverage = new TreeMap<>();
    private int cases;
    private int updates;

    void add(long seed, int index, AdversarialCase c) {
        cases++;
        for (Finding f : c.findings) {
            bySignature.computeIfAbsent(signature(f), s -> new ArrayList<>()).add(new Example(seed, index, f));
        }
        for (AdversarialCase.Sent s : c.sent) {
            updates++;
            for (String tag : s.tags()) {
                int[] n = coverage.computeIfAbsent(tag, t -> new int[3]);
                n[s.result() == Person.Result.APPLIED ? 0 : s.result() == Person.Result.CLOSED ? 2 : 1]++;
            }
        }
    }

    static String signature(Finding f) {
        OpenFindings.Open open = OpenFindings.of(f);
        if (open != null) {
            return "OPEN FINDING " + open.number() + " (" + open.title() + "): " + f.kind() + " [" + f.role() + " " + f.document() + "]";
        }
        String detail = f.detail() == null ? "" : f.detail().lines().findFirst().orElse("");
        detail = detail.replaceAll(" \\(at /.*", "").replaceAll("\\{.*", "{...}").replaceAll("[0-9]+", "#").replaceAll("\\b[a-z]+[0-9#]+\\b", "<id>");
        if (detail.length() > 110) {
            detail = detail.substring(0, 110);
        }
        return f.kind() + ": " + detail + " [" + f.role() + " " + f.document() + "]";
    }

    /** No finding, or (not strict) only instances of {@link OpenFindings}. */
    boolean clean(boolean strict) {
        return bySignature.keySet().stream().allMatch(s -> !strict && s.startsWith("OPEN FINDING "));
    }

    Map<String, List<Example>> findings() {
        return bySignature;
    }

    String summary(long seed, int from, int to, long millis) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("adversarial rules: seed %d, cases %d..%d (%d cases, %d updates) in %.1f s%n", seed, from, to - 1,
                cases, updates, millis / 1000.0));
        sb.append("  mechanism: applied / refused / socket closed\n");
        coverage.forEach((tag, n) -> sb.append(String.format("    %-28s %6d %6d %6d%n", tag, n[0], n[1], n[2])));
        if (bySignature.isEmpty()) {
            sb.append("  no findings\n");
            return sb.toString();
        }
        sb.append("  FINDINGS (").append(bySignature.size()).append(" distinct):\n");
        for (Map.Entry<String, List<Example>> e : bySignature.entrySet()) {
            Example x = e.getValue().get(0);
            Finding f = x.finding();
            sb.append("  * ").append(e.getKey()).append("  (").append(e.getValue().size()).append(" cases)\n");
            if (!f.features().isEmpty()) {
                sb.append("      updates applied in the case so far: ").append(String.join(", ", f.features())).append('\n');
            }
            sb.append("      first: seed ").append(x.seed()).append(" case ").append(x.index()).append(" step ").append(f.step())
                    .append(", by ").append(f.actor()).append(" (").append(f.role()).append(") on ").append(f.document())
                    .append(", made by ").append(String.join(" + ", f.tags())).append('\n');
            f.detail().lines().forEach(l -> sb.append("      ").append(l.length() > 400 ? l.substring(0, 400) + "..." : l).append('\n'));
            if (f.update() != null) {
                String b64 = Base64.getEncoder().encodeToString(f.update());
                sb.append("      update (base64): ").append(b64.length() > 600 ? b64.substring(0, 600) + "..." : b64).append('\n');
            }
            sb.append("      replay: mvn -o -pl rooms test -Dtest=AdversarialRulesTests -Dvetnet.adversarial.seed=")
                    .append(x.seed()).append(" -Dvetnet.adversarial.case=").append(x.index()).append('\n');
            List<Integer> more = e.getValue().stream().skip(1).limit(8).map(Example::index).toList();
            if (!more.isEmpty()) {
                sb.append("      also cases ").append(more).append('\n');
            }
        }
        return sb.toString();
    }
}
